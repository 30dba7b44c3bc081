import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdSource, TipAuditLog, TipAuditRecord } from '../../shared/core/ports.js';

/** The tip-read audit trail in DynamoDB: one item per read, keyed by tip and time. */
export class DynamoTipAuditLog implements TipAuditLog {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly ids: IdSource,
  ) {}

  async record(entry: TipAuditRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...entry, atKey: `${entry.at}#${this.ids.uuid().slice(0, 8)}` },
      }),
    );
  }

  async list(tipId: string, limit: number): Promise<TipAuditRecord[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'tipId = :t',
        ExpressionAttributeValues: { ':t': tipId },
        ScanIndexForward: false,
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => ({ tipId: i.tipId, at: i.at, by: i.by, what: i.what }) as TipAuditRecord);
  }
}
