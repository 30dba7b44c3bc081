/**
 * Issue 8, "acknowledged tips were lost when the stack was killed within milliseconds of the
 * 201". The window is inside DynamoDB Local: it acknowledges a write a few milliseconds
 * before the write is on disk, so killing its JVM (SIGKILL) loses the last acknowledged
 * writes, while a clean shutdown (SIGTERM) loses none. What is ours: the local host stops it
 * cleanly and in order (requests drained first), never SIGKILLs it at exit, and keeps it out
 * of the terminal's process group. Production uses DynamoDB in AWS (README).
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDynamoClients } from '../../functions/lib/dynamo-client.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../functions/local/dynamodb-local.js';
import { startLocalSystem } from '../../functions/local/system.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'phithak-durable-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * Writes transactions (as tip intake does) from 8 writers into a fresh table of `db` until 150 are
 * acknowledged, then sends `signal` to its JVM; returns the acknowledged ids, and the running
 * DynamoDB Local restarted on the same files.
 */
async function writeThenSignal(db: DynamoDbLocal, dir: string, round: number, signal: NodeJS.Signals) {
  const { ddb, doc } = createDynamoClients({ region: 'ap-southeast-1', dynamoEndpoint: db.endpoint });
  const tables = [`tips${round}`];
  for (const TableName of tables)
    await ddb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
  const acked: string[] = [];
  let killed = false;
  await Promise.all(
    Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !killed; i++) {
        const id = `w${w}-${i}`;
        try {
          await doc.send(
            new TransactWriteCommand({
              TransactItems: tables.map((TableName) => ({ Put: { TableName, Item: { id } } })),
            }),
          );
        } catch {
          return;
        }
        if (killed) return;
        acked.push(id);
        if (acked.length >= 150) {
          killed = true;
          process.kill(db.pid()!, signal);
        }
      }
    }),
  );
  ddb.destroy();
  await db.stop();
  return { acked, table: tables[0]!, db: await startDynamoDbLocal({ dataDir: dir }) };
}

/** The acknowledged ids missing from `table`. */
async function missing(db: DynamoDbLocal, table: string, acked: string[]): Promise<string[]> {
  const c = createDynamoClients({ region: 'ap-southeast-1', dynamoEndpoint: db.endpoint });
  try {
    const found = new Set((await c.doc.send(new ScanCommand({ TableName: table }))).Items!.map((x) => x.id as string));
    return acked.filter((id) => !found.has(id));
  } finally {
    c.ddb.destroy();
  }
}

/**
 * Rounds of write-then-signal, each on a fresh data folder (as a new `DATA_DIR` is), until a
 * round loses acknowledged writes or `rounds` pass.
 */
async function lostAfter(signal: NodeJS.Signals, rounds: number): Promise<string[]> {
  for (let round = 0; round < rounds; round++) {
    const dir = freshDir();
    const out = await writeThenSignal(await startDynamoDbLocal({ dataDir: dir }), dir, round, signal);
    try {
      const lost = await missing(out.db, out.table, out.acked);
      if (lost.length) return lost;
    } finally {
      await out.db.stop();
    }
  }
  return [];
}

describe('DynamoDB Local alone', () => {
  it('loses the last acknowledged writes when its JVM is killed (the window is inside it)', async () => {
    // Seen in 2 to 4 rounds of 5 on this machine; 16 rounds make a miss rarer than one in a thousand.
    expect((await lostAfter('SIGKILL', 16)).length).toBeGreaterThan(0);
  }, 600_000);

  it('keeps every acknowledged write through a clean shutdown', async () => {
    expect(await lostAfter('SIGTERM', 2)).toEqual([]);
    // Four JVM starts: on a loaded two-core machine each can take half a minute.
  }, 300_000);
});

describe('the local host', () => {
  it('keeps every tip it acknowledged when it is stopped right after a burst', async () => {
    const dataDir = freshDir();
    const opts = { dataDir, port: 0, web: false, schedules: false, coordinatorToken: 'durable' };
    const sys = await startLocalSystem(opts);
    const ids = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const res = await fetch(`${sys.url}/api/tips`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({ text: `burst ${i}`, category: 'other' }),
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { id: string }).id;
      }),
    );
    await sys.stop();
    const again = await startLocalSystem(opts);
    try {
      const res = await fetch(`${again.url}/api/tips?limit=100`, { headers: { authorization: 'Bearer durable' } });
      const stored = ((await res.json()) as { items: Array<{ id: string }> }).items.map((t) => t.id);
      expect(stored.sort()).toEqual(ids.sort());
    } finally {
      await again.stop();
    }
  }, 180_000);
});
