/**
 * Issue 8, "the local stack heals itself": when DynamoDB Local dies, the local host starts it
 * again on the same DATA_DIR and the system is healthy again without a human, reporting the
 * outage in a few lines rather than ten a second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { startLocalSystem } from '../../functions/local/system.js';
import { eventually } from '../support/local-system.js';

const dataDir = mkdtempSync(join(tmpdir(), 'phithak-heal-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('restarts a killed DynamoDB Local on the same DATA_DIR and answers healthy again', async () => {
  const sys = await startLocalSystem({ dataDir, port: 0, web: false, schedules: false, coordinatorToken: 'heal' });
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    const post = (text: string) =>
      fetch(`${sys.url}/api/tips`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, category: 'other', address: 'ต.บางนาค อ.เมืองนราธิวาส จ.นราธิวาส' }),
      });
    const before = (await (await post('before the crash')).json()) as { id: string };
    const pid = sys.dynamoDbLocal!.pid()!;
    process.kill(pid, 'SIGKILL');
    await eventually(async () => (await fetch(`${sys.url}/api/health`)).status === 503, 15_000);
    await eventually(async () => (await fetch(`${sys.url}/api/health`)).status === 200, 90_000);
    expect(sys.dynamoDbLocal!.pid()).not.toBe(pid);
    expect((await post('after the restart')).status).toBe(201);
    const res = await fetch(`${sys.url}/api/tips?limit=10`, { headers: { authorization: 'Bearer heal' } });
    const texts = ((await res.json()) as { items: Array<{ id: string; text: string }> }).items;
    expect(texts.map((t) => t.id)).toContain(before.id);
    expect(texts.map((t) => t.text)).toContain('after the restart');
    // The outage is reported, not shouted: a handful of lines for the whole outage.
    expect(lines.some((l) => l.includes('restarting'))).toBe(true);
    expect(lines.length).toBeLessThan(30);
  } finally {
    spy.mockRestore();
    await sys.stop();
  }
}, 180_000);
