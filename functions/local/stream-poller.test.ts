import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDynamoClients } from '../lib/dynamo-client.js';
import { createTableInput } from './bootstrap-tables.js';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { StreamPoller } from './stream-poller.js';

const endpoint = inject('dynamoEndpoint');
const { ddb, doc } = createDynamoClients({ region: 'ap-southeast-1', dynamoEndpoint: endpoint });
const table = `poller-${Date.now()}`;
const filtered = `${table}-filtered`;

beforeAll(async () => {
  for (const name of [table, filtered])
    await ddb.send(
      new CreateTableCommand(createTableInput(name, { partitionKey: { name: 'id', type: 'S' }, stream: 'NEW_IMAGE' })),
    );
});
afterAll(() => ddb.destroy());

const idsOf = (e: DynamoDBStreamEvent) => e.Records.map((r) => r.dynamodb!.NewImage!.id.S!);

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('delivers in order, resumes from the lowest failed record, and gives up after the retries', async () => {
  const calls: string[][] = [];
  const failedOnce = new Set<string>();
  const givenUp: string[] = [];
  const poller = new StreamPoller({
    name: 'test',
    ddb,
    endpoint,
    tableName: table,
    batchSize: 4,
    maxRetries: 2,
    pollMs: 50,
    handler: async (event) => {
      const ids = idsOf(event);
      calls.push(ids);
      // "b" fails once (partial failure); "poison" always throws.
      if (ids.includes('poison')) throw new Error('poison record');
      if (ids.includes('b') && !failedOnce.has('b')) {
        failedOnce.add('b');
        return { batchItemFailures: [{ itemIdentifier: event.Records[ids.indexOf('b')].dynamodb!.SequenceNumber! }] };
      }
      return { batchItemFailures: [] };
    },
    onFailure: (records) => void givenUp.push(...records.map((r) => r.dynamodb!.NewImage!.id.S!)),
  });
  poller.start();
  for (const id of ['a', 'b', 'c']) await doc.send(new PutCommand({ TableName: table, Item: { id } }));
  await until(() => calls.flat().filter((x) => x === 'c').length >= 1 && poller.isIdle);
  await doc.send(new PutCommand({ TableName: table, Item: { id: 'poison' } }));
  await doc.send(new PutCommand({ TableName: table, Item: { id: 'after' } }));
  await until(() => calls.flat().includes('after') && givenUp.length > 0);
  await poller.stop();

  const delivered = calls.flat();
  // "a" is never redelivered: it came before the failed record.
  expect(delivered.filter((x) => x === 'a')).toHaveLength(1);
  // "b" is delivered twice: once failing, once succeeding; "c" after it at least once.
  expect(delivered.filter((x) => x === 'b')).toHaveLength(2);
  expect(delivered.indexOf('b')).toBeLessThan(delivered.lastIndexOf('c'));
  // The poison batch is tried 1 + maxRetries times, then handed to the failure destination.
  expect(calls.filter((c) => c.includes('poison'))).toHaveLength(3);
  expect(givenUp).toContain('poison');
});

it('passes over the records its filter refuses, and goes on after them', async () => {
  const delivered: string[] = [];
  const poller = new StreamPoller({
    name: 'filtered',
    ddb,
    endpoint,
    tableName: filtered,
    batchSize: 10,
    pollMs: 50,
    admits: (record) => String(record.dynamodb?.Keys?.id?.S).startsWith('keep'),
    handler: async (event) => void delivered.push(...idsOf(event)),
  });
  poller.start();
  for (const id of ['skip-1', 'keep-1', 'skip-2', 'skip-3'])
    await doc.send(new PutCommand({ TableName: filtered, Item: { id } }));
  await until(() => delivered.includes('keep-1') && poller.isIdle);
  // A batch of refused records only is passed over too, and what follows it still arrives.
  await doc.send(new PutCommand({ TableName: filtered, Item: { id: 'keep-2' } }));
  await until(() => delivered.includes('keep-2'));
  await poller.stop();
  expect(delivered).toEqual(['keep-1', 'keep-2']);
});
