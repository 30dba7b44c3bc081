import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { AlertLog, AlertQuery, Clock, DeliveryReceipt } from '../../shared/core/ports.js';
import type { Alert, AlertStatus } from '../../shared/types.js';
import { shardKey, shardKeys } from './time-shards.js';

/** Attributes that exist only for indexes and leases; never returned to clients. */
const INTERNAL = ['feed', 'held', 'leased', 'leaseUntil', 'sendingAt', 'expiresAt'] as const;

function toAlert(item: Record<string, unknown>): Alert {
  const out = { ...item };
  for (const key of INTERNAL) delete out[key];
  return out as unknown as Alert;
}

const isConditionFailure = (err: unknown) =>
  err instanceof ConditionalCheckFailedException || (err as Error)?.name === 'ConditionalCheckFailedException';

/** Options of {@link AlertsRepo}. */
export interface AlertsRepoOptions {
  /** Days an alert record (its message text) is kept. */
  retentionDays?: number;
  /**
   * How long a claim blocks other senders, ms. Longer than the dispatcher's Lambda timeout
   * (60 s), so a live sender is never overtaken; a claim left by a crashed one (status
   * still `queued`) can be taken again after it.
   */
  leaseMs?: number;
}

/**
 * The alert log (and, locally, the SMS outbox). Every alert is one item keyed by its
 * deterministic id; conditional writes on that id make sending idempotent per
 * (alert key, volunteer), whatever the stream redelivers.
 */
export class DynamoAlertLog implements AlertLog {
  private readonly leaseMs: number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
    options: AlertsRepoOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.retentionS = (options.retentionDays ?? 180) * 86_400;
  }

  private readonly retentionS: number;

  /**
   * Records an alert as `queued` and claims the right to send it. Returns false when the
   * alert exists (sent, failed, suppressed, held, or claimed by a live sender): the SMS
   * must not go again. `now` is ISO 8601.
   */
  async claim(alert: Alert, now: string): Promise<boolean> {
    const leaseUntil = new Date(Date.parse(now) + this.leaseMs).toISOString();
    return this.putIf(
      { ...alert, status: 'queued', leased: shardKey('lease', alert.id), leaseUntil },
      {
        // An expired claim that never reached the provider may be taken again; one that did
        // (`sendingAt`) never is: the sweeper marks it failed instead.
        ConditionExpression:
          'attribute_not_exists(id) OR (#s = :queued AND attribute_not_exists(held) AND attribute_not_exists(sendingAt) AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':queued': 'queued', ':now': now },
      },
    );
  }

  /** Records an alert held back by quiet hours (`queued` until `holdUntil`); false if it exists. */
  async hold(alert: Alert, holdUntil: string): Promise<boolean> {
    return this.putIf(
      { ...alert, status: 'queued', held: shardKey('held', alert.id), holdUntil },
      { ConditionExpression: 'attribute_not_exists(id)' },
    );
  }

  /** Records a suppressed alert with its reason; false if the alert exists. */
  async suppress(alert: Alert, suppressedReason: string): Promise<boolean> {
    return this.putIf(
      { ...alert, status: 'suppressed', suppressedReason },
      { ConditionExpression: 'attribute_not_exists(id)' },
    );
  }

  private async putIf(
    item: Alert & Record<string, unknown>,
    condition: Omit<ConstructorParameters<typeof PutCommand>[0], 'TableName' | 'Item'>,
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({ TableName: this.table, Item: alertItem(item, this.retentionS), ...condition }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async get(id: string): Promise<Alert | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { id }, ConsistentRead: true }));
    return out.Item ? toAlert(out.Item) : undefined;
  }

  async markSending(id: string, now: string): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { id },
          UpdateExpression: 'SET sendingAt = :now',
          ConditionExpression: '#s = :queued AND attribute_exists(leased) AND attribute_not_exists(sendingAt)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':queued': 'queued', ':now': now },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async expiredClaims(now: string, limit: number): Promise<Array<Alert & { sendingAt?: string }>> {
    const items = await this.fromShards('lease', limit, (shard) => ({
      IndexName: 'byLease',
      KeyConditionExpression: 'leased = :lease AND leaseUntil < :now',
      ExpressionAttributeValues: { ':lease': shard, ':now': now },
    }));
    return oldestFirst(items, 'leaseUntil', limit).map((item) => {
      const sendingAt = item.sendingAt as string | undefined;
      return { ...toAlert(item), ...(sendingAt ? { sendingAt } : {}) };
    });
  }

  /** Sets the status (and releases the hold and the lease). */
  async setStatus(id: string, status: AlertStatus, extra: Partial<Alert> = {}): Promise<void> {
    const fields = { ...extra, status, updatedAt: this.clock.now() };
    const names: Record<string, string> = {
      '#held': 'held',
      '#lease': 'leaseUntil',
      '#leased': 'leased',
      '#sending': 'sendingAt',
    };
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
        UpdateExpression: `SET ${sets.join(', ')} REMOVE #held, #lease, #leased, #sending`,
        ConditionExpression: 'attribute_exists(id)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  /** The provider's receipt on a `sent` alert; a conditional write, so never from any other status. */
  async recordReceipt(alertId: string, receipt: DeliveryReceipt): Promise<boolean> {
    const [field, value] =
      receipt.status === 'delivered' ? ['deliveredAt', receipt.at] : ['failureReason', receipt.code];
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { id: alertId },
          UpdateExpression: 'SET #s = :status, #f = :value, updatedAt = :now',
          ConditionExpression: '#s = :sent',
          ExpressionAttributeNames: { '#s': 'status', '#f': field },
          ExpressionAttributeValues: {
            ':status': receipt.status,
            ':value': value,
            ':sent': 'sent',
            ':now': receipt.at,
          },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  /** Alerts newest first (the contract's `GET /api/alerts`), filtered: the shards side by side, merged. */
  async list(q: AlertQuery = {}): Promise<Alert[]> {
    const limit = q.limit ?? 200;
    const filters: string[] = [];
    const names: Record<string, string> = { '#f': 'feed', '#c': 'createdAt' };
    const values: Record<string, unknown> = { ':since': q.since ?? '0', ':until': q.until ?? '9' };
    if (q.reason) {
      filters.push('#reason = :reason');
      names['#reason'] = 'reason';
      values[':reason'] = q.reason;
    }
    if (q.status) {
      filters.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = q.status;
    }
    // Each shard's newest `limit` matches hold the newest `limit` of all.
    const pages = await Promise.all(
      shardKeys('alerts').map((shard) =>
        this.queryAll(
          {
            IndexName: 'byTime',
            KeyConditionExpression: '#f = :feed AND #c BETWEEN :since AND :until',
            FilterExpression: filters.length ? filters.join(' AND ') : undefined,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ...values, ':feed': shard },
            ScanIndexForward: false,
          },
          limit,
        ),
      ),
    );
    return newestFirst(pages.flat()).slice(0, limit).map(toAlert);
  }

  /** One volunteer's alerts, newest first (the delivery log coordinators ask for). */
  async listForVolunteer(volunteerId: string, limit = 50): Promise<Alert[]> {
    const items = await this.queryAll(
      {
        IndexName: 'byVolunteer',
        KeyConditionExpression: 'volunteerId = :v',
        ExpressionAttributeValues: { ':v': volunteerId },
        ScanIndexForward: false,
      },
      limit,
    );
    return items.map(toAlert);
  }

  /** Held alerts whose quiet hours have ended by `now`, oldest first. */
  async dueHeld(now: string, limit = 1000): Promise<Alert[]> {
    const items = await this.fromShards('held', limit, (shard) => ({
      IndexName: 'byHold',
      KeyConditionExpression: '#h = :held AND holdUntil <= :now',
      ExpressionAttributeNames: { '#h': 'held' },
      ExpressionAttributeValues: { ':held': shard, ':now': now },
    }));
    return oldestFirst(items, 'holdUntil', limit).map(toAlert);
  }

  /** Up to `limit` items from each shard of a small sparse index, side by side. */
  private async fromShards(
    prefix: 'held' | 'lease',
    limit: number,
    input: (shard: string) => Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>,
  ): Promise<Record<string, unknown>[]> {
    const pages = await Promise.all(shardKeys(prefix).map((shard) => this.queryAll(input(shard), limit)));
    return pages.flat();
  }

  private async queryAll(
    input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>,
    limit: number,
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({ ...input, TableName: this.table, Limit: limit - out.length, ExclusiveStartKey: start }),
      );
      out.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start && out.length < limit);
    return out;
  }

  /** SMS sent to each volunteer on an Asia/Bangkok day (`YYYY-MM-DD`); absent → 0. */
  async sentOn(volunteerIds: readonly string[], day: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const unique = [...new Set(volunteerIds)];
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique
        .slice(i, i + 100)
        .map((v) => ({ id: counterId(v, day) }));
      while (keys?.length) {
        const out: BatchGetCommandOutput = await this.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.table]: { Keys: keys, ProjectionExpression: 'counterOf, sent' } },
          }),
        );
        for (const item of out.Responses?.[this.table] ?? [])
          counts.set(item.counterOf as string, Number(item.sent ?? 0));
        keys = out.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return counts;
  }

  /** Counts one more SMS for a volunteer on a day (atomic ADD; the counter expires after 2 days). */
  async countSent(volunteerId: string, day: string): Promise<void> {
    const expiresAt = Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + 2 * 86_400;
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { id: counterId(volunteerId, day) },
        // Not `volunteerId`: the counter must stay out of the byVolunteer index.
        UpdateExpression: 'ADD sent :one SET counterOf = :v, expiresAt = :exp',
        ExpressionAttributeValues: { ':one': 1, ':v': volunteerId, ':exp': expiresAt },
      }),
    );
  }
}

/** The stored form of an alert record: its `byTime` shard and its expiry. */
function alertItem(item: Alert & Record<string, unknown>, retentionS: number): Record<string, unknown> {
  const expiresAt = Math.floor(Date.parse(item.createdAt) / 1000) + retentionS;
  return { ...item, feed: shardKey('alerts', item.id), expiresAt };
}

/** Newest `createdAt` first; ties by id, so a page is the same whichever shard answered first. */
function newestFirst(items: Record<string, unknown>[]): Record<string, unknown>[] {
  const key = (i: Record<string, unknown>) => `${i.createdAt as string}#${i.id as string}`;
  return items.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

/** The first `limit` items by `field` ascending (ties by id). */
function oldestFirst(items: Record<string, unknown>[], field: string, limit: number): Record<string, unknown>[] {
  const key = (i: Record<string, unknown>) => `${i[field] as string}#${i.id as string}`;
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).slice(0, limit);
}

function counterId(volunteerId: string, day: string): string {
  return `count|${volunteerId}|${day}`;
}
