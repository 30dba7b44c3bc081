import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Alert, AlertStatus } from '../../shared/types.js';

/** A deterministic alert id from its dedup key, so a redelivered batch writes the same item. */
export function alertIdFor(dedupKey: string): string {
  return createHash('sha256').update(dedupKey).digest('hex').slice(0, 32);
}

/** The alert log (and, locally, the SMS outbox). */
export class AlertsRepo {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * Records an alert unless one with the same id exists (conditional write). Returns false
   * when it existed: the stream delivered this change before, and the SMS must not go twice.
   */
  async claim(alert: Alert): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...alert, feed: 'alerts' },
          ConditionExpression: 'attribute_not_exists(id)',
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async get(id: string): Promise<Alert | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { id }, ConsistentRead: true }));
    return out.Item as Alert | undefined;
  }

  async setStatus(id: string, status: AlertStatus, extra: Partial<Alert> = {}): Promise<void> {
    const fields = { ...extra, status, updatedAt: new Date().toISOString() };
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = Object.entries(fields).map(([k, v], i) => {
      names[`#f${i}`] = k;
      values[`:v${i}`] = v;
      return `#f${i} = :v${i}`;
    });
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { id },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  /** Alerts created at or after `since`, newest first. */
  async list(since = '0', limit = 200): Promise<Alert[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'byTime',
        KeyConditionExpression: '#f = :feed AND #c >= :since',
        ExpressionAttributeNames: { '#f': 'feed', '#c': 'createdAt' },
        ExpressionAttributeValues: { ':feed': 'alerts', ':since': since },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(({ feed: _feed, ...a }) => a as Alert);
  }
}
