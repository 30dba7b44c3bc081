/**
 * Tip intake against DynamoDB Local, as the database sees it: a new tip is one transaction
 * (no read of its Idempotency-Key first), a replay is refused by that transaction and read
 * back, and a key past its day is a new key even while TTL has not deleted it yet.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SettableClock } from '../../shared/core/in-memory/memory-ports.js';
import { startTestSystem, type LocalSystem } from '../support/local-system.js';

let sys: LocalSystem;
const clock = new SettableClock(new Date().toISOString());
/** DynamoDB commands the handlers sent to the idempotency table. */
const idempotencyCommands: string[] = [];

beforeAll(async () => {
  sys = await startTestSystem({
    overrides: {
      clock,
      instrumentDynamo: (ddb) =>
        ddb.middlewareStack.add(
          (next, context) => async (args) => {
            const input = JSON.stringify(args.input);
            if (input.includes('idempotency')) idempotencyCommands.push(context.commandName ?? '');
            return next(args);
          },
          { step: 'initialize', name: 'countIdempotencyCommands' },
        ),
    },
  });
});
afterAll(async () => {
  await sys?.stop();
});

async function postTip(text: string, key: string) {
  const res = await fetch(`${sys.url}/api/tips`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ text }),
  });
  return {
    status: res.status,
    id: ((await res.json()) as { id?: string }).id,
    replayed: res.headers.get('idempotent-replayed'),
  };
}

it('stores a new tip with one transaction and no read of its key', async () => {
  idempotencyCommands.length = 0;
  expect((await postTip('a new tip', crypto.randomUUID())).status).toBe(201);
  expect(idempotencyCommands).toEqual(['TransactWriteItemsCommand']);
});

it('answers a replay from the refused transaction and one read, storing nothing new', async () => {
  const key = crypto.randomUUID();
  const first = await postTip('sent twice', key);
  idempotencyCommands.length = 0;
  const again = await postTip('sent twice', key);
  expect([again.status, again.id, again.replayed]).toEqual([201, first.id, 'true']);
  expect(idempotencyCommands).toEqual(['TransactWriteItemsCommand', 'GetItemCommand']);
  expect((await postTip('another body', key)).status).toBe(422);
  const auth = { authorization: `Bearer ${sys.token}` };
  const items = (
    (await (await fetch(`${sys.url}/api/tips?limit=1000`, { headers: auth })).json()) as {
      items: Array<{ text: string }>;
    }
  ).items;
  expect(items.filter((t) => t.text === 'sent twice')).toHaveLength(1);
  expect(items.filter((t) => t.text === 'another body')).toHaveLength(0);
});

it('treats a key older than a day as new, though its record is still stored', async () => {
  const key = crypto.randomUUID();
  const first = await postTip('a tip sent again the next week', key);
  clock.current = new Date(Date.parse(clock.current) + 25 * 3_600_000).toISOString();
  const later = await postTip('a tip sent again the next week', key);
  expect(later.status).toBe(201);
  expect(later.id).not.toBe(first.id);
  expect(later.replayed).toBeNull();
  // The new record is the one replayed from now on.
  expect((await postTip('a tip sent again the next week', key)).id).toBe(later.id);
});
