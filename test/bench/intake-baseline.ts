/**
 * The intake bench's baseline: DynamoDB Local's own ceiling for the write a tip costs, one
 * `TransactWriteItems` of two conditional puts (the tip, with the tips table's stream and
 * indexes, and its idempotency record), sent straight from the SDK at the same concurrency.
 * Items are clones of a tip the system stored, so they weigh what real tips weigh.
 */
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '../../functions/local/bootstrap-tables.js';
import { TABLES } from '../../shared/tables.js';
import { runLoad, type LoadResult } from './intake-load.js';

/** A stored tip and idempotency record to clone. */
export interface SampleItems {
  tip: Record<string, unknown>;
  idempotency: Record<string, unknown>;
}

/** Reads one tip item and one idempotency item, exactly as stored. */
export async function sampleItems(doc: DynamoDBDocumentClient, tables: { tips: string; idempotency: string }) {
  const first = async (table: string, where: string) => {
    const out = await doc.send(new ScanCommand({ TableName: table, FilterExpression: where }));
    const item = out.Items?.[0];
    if (!item) throw new Error(`intake bench: no stored item in ${table} to clone`);
    return item;
  };
  return {
    tip: await first(tables.tips, 'attribute_exists(cell)'),
    idempotency: await first(tables.idempotency, 'attribute_exists(tipId)'),
  } satisfies SampleItems;
}

/** A baseline: tables defined as the system's, and runs of transactions against them. */
export interface TransactBaseline {
  /** `count` two-item transactions, `concurrency` in flight. */
  run(count: number, concurrency: number): Promise<LoadResult>;
  drop(): Promise<void>;
}

/**
 * Creates the baseline's tables (the tips table's stream and indexes, the idempotency table)
 * in the DynamoDB Local behind `ddb`. They are kept across runs: DynamoDB Local writes to a
 * table whose stream is new at well under half its later rate, so a baseline on fresh tables
 * would be a warm-up, not a ceiling.
 */
export async function transactBaseline(
  ddb: DynamoDBClient,
  doc: DynamoDBDocumentClient,
  sample: SampleItems,
): Promise<TransactBaseline> {
  const suffix = randomUUID().slice(0, 8);
  const tables = { tips: `baseline-tips-${suffix}`, idempotency: `baseline-idem-${suffix}` };
  await ddb.send(new CreateTableCommand(createTableInput(tables.tips, TABLES.tips)));
  await ddb.send(new CreateTableCommand(createTableInput(tables.idempotency, TABLES.idempotency)));
  const write = async () => {
    const id = randomUUID();
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tables.tips,
              Item: { ...sample.tip, id, receivedAt: new Date().toISOString() },
              ConditionExpression: 'attribute_not_exists(id)',
            },
          },
          {
            Put: {
              TableName: tables.idempotency,
              Item: { ...sample.idempotency, key: randomUUID(), tipId: id },
              ConditionExpression: 'attribute_not_exists(#k)',
              ExpressionAttributeNames: { '#k': 'key' },
            },
          },
        ],
      }),
    );
    return true;
  };
  return {
    run: (count, concurrency) => runLoad(count, concurrency, write),
    drop: async () => {
      await ddb.send(new DeleteTableCommand({ TableName: tables.tips }));
      await ddb.send(new DeleteTableCommand({ TableName: tables.idempotency }));
    },
  };
}
