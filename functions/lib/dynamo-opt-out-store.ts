import { createHash } from 'node:crypto';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OptOutGrant, OptOutRequest, OptOutRequests, OptOutTokens } from '../../shared/core/ports.js';
import { KEY_PREFIX } from '../../shared/tables.js';

/** Requests wait at most a day for the worker (the stream keeps records 24 h). */
const REQUEST_TTL_S = 86_400;

const tokenKey = (token: string) =>
  `${KEY_PREFIX.optOutToken}${createHash('sha256').update(token).digest('base64url')}`;

/**
 * Public opt-outs in DynamoDB: requests (`req#…`, read by the worker through the table's
 * stream) and one-time links stored by the SHA-256 of their token (the token itself exists only
 * in the SMS), taken with a conditional delete so each works once.
 */
export class DynamoOptOutStore implements OptOutRequests, OptOutTokens {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async submit(request: OptOutRequest): Promise<void> {
    const expiresAt = Math.floor(Date.parse(request.at) / 1000) + REQUEST_TTL_S;
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          phone: request.phone,
          at: request.at,
          id: `${KEY_PREFIX.optOutRequest}${request.id}`,
          requestId: request.id,
          expiresAt,
        },
      }),
    );
  }

  async save(token: string, grant: OptOutGrant): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { id: tokenKey(token), ...grant, expiresAt: Math.floor(Date.parse(grant.expiresAt) / 1000) },
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
  }

  async take(token: string, now: string): Promise<OptOutGrant | undefined> {
    try {
      const out = await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { id: tokenKey(token) },
          ConditionExpression: 'attribute_exists(id) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': Math.floor(Date.parse(now) / 1000) },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const item = out.Attributes;
      if (!item) return undefined;
      return {
        phone: item.phone as string,
        volunteerIds: item.volunteerIds as string[],
        expiresAt: new Date((item.expiresAt as number) * 1000).toISOString(),
      };
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return undefined;
      throw err;
    }
  }
}

/** The request a stream image of the table holds, or undefined for the other items (links). */
export function optOutRequestOf(item: Record<string, unknown>): OptOutRequest | undefined {
  if (typeof item.id !== 'string' || !item.id.startsWith(KEY_PREFIX.optOutRequest)) return undefined;
  return { id: String(item.requestId), phone: String(item.phone), at: String(item.at) };
}
