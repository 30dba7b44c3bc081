import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startLocalSystem } from '../../functions/local/system.js';

const dataDir = mkdtempSync(join(tmpdir(), 'phithak-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('keeps every tip across a restart on the same DATA_DIR', async () => {
  const first = await startLocalSystem({
    dataDir,
    port: 0,
    web: false,
    schedules: false,
    coordinatorToken: 'restart-token',
  });
  let id: string;
  try {
    const res = await fetch(`${first.url}/api/tips`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'คนงานถูกยึดบัตร ต.เจ๊ะเห อ.ตากใบ จ.นราธิวาส', category: 'document_confiscation' }),
    });
    expect(res.status).toBe(201);
    id = ((await res.json()) as { id: string }).id;
  } finally {
    await first.stop();
  }
  const second = await startLocalSystem({
    dataDir,
    port: 0,
    web: false,
    schedules: false,
    coordinatorToken: 'restart-token',
  });
  try {
    const res = await fetch(`${second.url}/api/tips`, { headers: { authorization: 'Bearer restart-token' } });
    const { items } = (await res.json()) as {
      items: Array<{ id: string; geocode: { admin?: { tambonCode?: string } } }>;
    };
    expect(items.map((t) => t.id)).toContain(id);
    expect(items.find((t) => t.id === id)?.geocode.admin?.tambonCode).toMatch(/^9602/);
  } finally {
    await second.stop();
  }
}, 180_000);
