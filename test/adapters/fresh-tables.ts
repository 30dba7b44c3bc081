import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { tableNames } from '../../functions/composition/config.js';
import { createDynamoClients } from '../../functions/lib/dynamo-client.js';
import { bootstrapTables } from '../../functions/local/bootstrap-tables.js';

/** Every table under a fresh prefix on the run's DynamoDB Local, and a document client for it. */
export async function freshTables(tag: string) {
  const tables = tableNames(`${tag}${randomBytes(4).toString('hex')}-`);
  const clients = createDynamoClients({ region: 'ap-southeast-1', dynamoEndpoint: inject('dynamoEndpoint') });
  await bootstrapTables(clients.ddb, tables);
  return { ...clients, tables };
}
