import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock, Pseudonyms, RateLimiter } from '../../shared/core/ports.js';

/**
 * Fixed-window counters in DynamoDB: one atomic ADD per request on `<pseudonym>#<window>`, so
 * no number or address is stored in the clear; counters expire with their window.
 */
export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  async allow(key: string, limit: number, windowS: number): Promise<boolean> {
    const nowS = Math.floor(Date.parse(this.clock.now()) / 1000);
    const windowStart = nowS - (nowS % windowS);
    const out = await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { key: `${await this.pseudonyms.of('rate-limit', key)}#${windowStart}` },
        UpdateExpression: 'ADD n :one SET expiresAt = :exp',
        ExpressionAttributeValues: { ':one': 1, ':exp': windowStart + windowS },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.n ?? 1) <= limit;
  }
}
