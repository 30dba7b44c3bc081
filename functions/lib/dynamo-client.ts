import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../composition/config.js';

/** Builds the DynamoDB clients for a configuration; local mode points at DynamoDB Local. */
export function createDynamoClients(config: Pick<Config, 'region'> & { dynamoEndpoint?: string }): {
  ddb: DynamoDBClient;
  doc: DynamoDBDocumentClient;
} {
  const ddb = new DynamoDBClient(
    config.dynamoEndpoint
      ? {
          region: config.region,
          endpoint: config.dynamoEndpoint,
          // DynamoDB Local accepts any credentials; fixed ones keep one shared namespace.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          maxAttempts: 5,
        }
      : { region: config.region },
  );
  const doc = DynamoDBDocumentClient.from(ddb, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { ddb, doc };
}
