import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type Projection,
} from '@aws-sdk/client-dynamodb';
import { TABLES, type IndexDef, type KeyDef, type TableDef, type TableKey } from '../../shared/tables.js';

function keySchema(pk: KeyDef, sk?: KeyDef) {
  return [
    { AttributeName: pk.name, KeyType: 'HASH' as const },
    ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' as const }] : []),
  ];
}

function projection(p: IndexDef['projection']): Projection {
  if (p === 'ALL' || p === 'KEYS_ONLY') return { ProjectionType: p };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...p] };
}

/** The CreateTable request for one definition of `shared/tables.ts`. */
export function createTableInput(name: string, def: TableDef): CreateTableCommandInput {
  const keys = [def.partitionKey, def.sortKey, ...(def.indexes ?? []).flatMap((i) => [i.partitionKey, i.sortKey])];
  const attrs = new Map<string, AttributeDefinition>();
  for (const k of keys) if (k) attrs.set(k.name, { AttributeName: k.name, AttributeType: k.type });
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attrs.values()],
    KeySchema: keySchema(def.partitionKey, def.sortKey),
    GlobalSecondaryIndexes: def.indexes?.length
      ? def.indexes.map((i) => ({
          IndexName: i.indexName,
          KeySchema: keySchema(i.partitionKey, i.sortKey),
          Projection: projection(i.projection),
        }))
      : undefined,
    StreamSpecification: def.stream ? { StreamEnabled: true, StreamViewType: def.stream } : undefined,
  };
}

/** The table's key and its indexes' names and keys, as one comparable string. */
interface KeyedTable {
  KeySchema?: Array<{ AttributeName?: string; KeyType?: string }>;
  GlobalSecondaryIndexes?: Array<{ IndexName?: string; KeySchema?: KeyedTable['KeySchema'] }>;
}

function keysOf(t: KeyedTable | undefined): string {
  const keys = (schema: KeyedTable['KeySchema']) =>
    (schema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  const indexes = (t?.GlobalSecondaryIndexes ?? []).map((i) => `${i.IndexName}(${keys(i.KeySchema)})`).sort();
  return [keys(t?.KeySchema), ...indexes].join(' ');
}

/** Creates every table that does not exist yet (idempotent), with streams and TTL. */
export async function bootstrapTables(ddb: DynamoDBClient, names: Record<TableKey, string>): Promise<void> {
  for (const key of Object.keys(TABLES) as TableKey[]) {
    const def: TableDef = TABLES[key];
    try {
      const { Table } = await ddb.send(new DescribeTableCommand({ TableName: names[key] }));
      if (keysOf(Table) !== keysOf(createTableInput(names[key], def))) {
        throw new Error(
          `table ${names[key]} was created by an older version with another key or indexes; delete the data directory (DATA_DIR) and start again (docs/adr/0009-data-that-scales.md, "Migration")`,
        );
      }
      continue;
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
    }
    await ddb.send(new CreateTableCommand(createTableInput(names[key], def)));
    if (def.ttlAttribute) {
      await ddb.send(
        new UpdateTimeToLiveCommand({
          TableName: names[key],
          TimeToLiveSpecification: { Enabled: true, AttributeName: def.ttlAttribute },
        }),
      );
    }
  }
}
