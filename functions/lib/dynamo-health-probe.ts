import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { GazetteerPort, HealthProbe } from '../../shared/core/ports.js';

/** Ready when the gazetteer loads and the tips table answers (`GET /api/health`). */
export function dynamoHealthProbe(ddb: DynamoDBClient, tipsTable: string, gazetteer: GazetteerPort): HealthProbe {
  return {
    async ready() {
      gazetteer();
      await ddb.send(new DescribeTableCommand({ TableName: tipsTable }));
    },
  };
}
