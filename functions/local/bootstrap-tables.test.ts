import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TABLES, type TableKey } from '../../shared/tables.js';
import { createDynamoClients } from '../lib/dynamo-client.js';
import { bootstrapTables, createTableInput } from './bootstrap-tables.js';

const { ddb } = createDynamoClients({ region: 'ap-southeast-1', dynamoEndpoint: inject('dynamoEndpoint') });
afterAll(() => ddb.destroy());

const namesFor = (prefix: string) =>
  Object.fromEntries((Object.keys(TABLES) as TableKey[]).map((k) => [k, `${prefix}${k}`])) as Record<TableKey, string>;

it('creates every table from shared/tables.ts with its indexes and stream, and is idempotent', async () => {
  const names = namesFor(`boot${Date.now()}-`);
  await bootstrapTables(ddb, names);
  await bootstrapTables(ddb, names);
  const tips = (await ddb.send(new DescribeTableCommand({ TableName: names.tips }))).Table!;
  expect(tips.StreamSpecification?.StreamViewType).toBe('NEW_IMAGE');
  expect(tips.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['byCell', 'byTime']);
});

it('refuses a table left by an older version with another key, with a way out', async () => {
  const names = namesFor(`old${Date.now()}-`);
  await ddb.send(
    new CreateTableCommand(
      createTableInput(names.volunteerCells, {
        partitionKey: { name: 'cell', type: 'S' },
        sortKey: { name: 'volunteerId', type: 'S' },
      }),
    ),
  );
  await expect(bootstrapTables(ddb, names)).rejects.toThrow(/older version.*DATA_DIR/);
});
