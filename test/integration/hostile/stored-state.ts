/**
 * Everything a local system has stored, as one comparable string: every item of every table
 * (tips, idempotency keys, volunteers, alerts, audit records, opt-outs, rate counters…), so a
 * request that "stores nothing" can be proved to have changed nothing anywhere.
 */
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { LocalSystem } from '../../support/local-system.js';

/** A reader of a system's whole stored state. */
export function storedState(sys: LocalSystem): { read(): Promise<string>; close(): void } {
  const ddb = new DynamoDBClient({
    region: 'ap-southeast-1',
    endpoint: sys.dynamoEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  async function scan(table: string): Promise<string[]> {
    const items: string[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await ddb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
      items.push(
        ...(out.Items ?? []).map((item) => JSON.stringify(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))),
      );
      start = out.LastEvaluatedKey;
    } while (start);
    return items.sort();
  }
  return {
    async read() {
      const tables = Object.entries(sys.ctx.config.tables).sort(([a], [b]) => (a < b ? -1 : 1));
      const contents = await Promise.all(tables.map(async ([key, name]) => [key, await scan(name)] as const));
      return JSON.stringify(contents);
    },
    close: () => ddb.destroy(),
  };
}
