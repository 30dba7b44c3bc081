import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { ClusterTip, Tip, TipStatus } from '../../shared/types.js';
import { queryAll } from './query-all.js';

/** How long an `Idempotency-Key` is remembered: a day covers every retrying SMS gateway we know. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** The stored form of a tip: the domain fields plus index keys. */
export interface TipItem extends Tip {
  feed: 'tips';
  /** Clustering position (GPS, or the tambon centroid); absent when the place is coarser. */
  lat?: number;
  lon?: number;
  cell?: string;
  admin?: Tip['geocode']['admin'];
  reporterKey?: string;
  /** When a coordinator last set `status` (ISO 8601). */
  reviewedAt?: string;
}

export interface IdempotencyRecord {
  key: string;
  bodyHash: string;
  statusCode: number;
  response: string;
}

export type CreateTipOutcome = { kind: 'created' } | { kind: 'replay'; record: IdempotencyRecord };

export interface TipQuery {
  since?: string;
  status?: string;
  bbox?: [number, number, number, number];
  limit: number;
  startKey?: Record<string, unknown>;
}

/** Tips in DynamoDB: atomic create with idempotency, the coordinator feed, cell loads. */
export class TipsRepo {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tables: { tips: string; idempotency: string },
  ) {}

  /**
   * Stores a tip and, when given, its idempotency record in one transaction: either both
   * land or neither does. A key that already exists yields `replay` with the stored record.
   */
  async create(tip: TipItem, idem?: IdempotencyRecord): Promise<CreateTipOutcome> {
    const nowSeconds = Math.floor(Date.now() / 1000);
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tables.tips,
                Item: tip,
                ConditionExpression: 'attribute_not_exists(id)',
              },
            },
            ...(idem
              ? [
                  {
                    Put: {
                      TableName: this.tables.idempotency,
                      Item: { ...idem, tipId: tip.id, expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS },
                      ConditionExpression: 'attribute_not_exists(#k)',
                      ExpressionAttributeNames: { '#k': 'key' },
                    },
                  },
                ]
              : []),
          ],
        }),
      );
      return { kind: 'created' };
    } catch (err) {
      if (idem && err instanceof TransactionCanceledException) {
        const existing = await this.getIdempotency(idem.key);
        if (existing) return { kind: 'replay', record: existing };
      }
      throw err;
    }
  }

  /** Reads an unexpired idempotency record (strongly consistent, so a replay right after the first call finds it). */
  async getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tables.idempotency, Key: { key }, ConsistentRead: true }),
    );
    const item = out.Item as (IdempotencyRecord & { expiresAt?: number }) | undefined;
    if (!item || (item.expiresAt !== undefined && item.expiresAt < Date.now() / 1000)) return undefined;
    return item;
  }

  async get(id: string): Promise<TipItem | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tables.tips, Key: { id } }));
    return out.Item as TipItem | undefined;
  }

  /**
   * Sets a tip's review status in one conditional UpdateItem, so an unknown id creates
   * nothing; the change reaches the hotspot engine through the tips stream (a `dismissed`
   * tip leaves its hotspot). Resolves with the updated tip, or `undefined` for an unknown id.
   */
  async setStatus(id: string, status: TipStatus, reviewedAt: string): Promise<TipItem | undefined> {
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tables.tips,
          Key: { id },
          UpdateExpression: 'SET #s = :status, reviewedAt = :at',
          ConditionExpression: 'attribute_exists(id)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':status': status, ':at': reviewedAt },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes as TipItem;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return undefined;
      throw err;
    }
  }

  /** The coordinator feed: newest first, filtered, paged with an opaque cursor. */
  async list(q: TipQuery): Promise<{ items: TipItem[]; lastKey?: Record<string, unknown> }> {
    const filters: string[] = [];
    const names: Record<string, string> = { '#f': 'feed', '#r': 'receivedAt' };
    const values: Record<string, unknown> = { ':feed': 'tips', ':since': q.since ?? '0' };
    if (q.status) {
      filters.push('#s = :status');
      names['#s'] = 'status';
      values[':status'] = q.status;
    }
    if (q.bbox) {
      const [west, south, east, north] = q.bbox;
      filters.push('#lat BETWEEN :south AND :north AND #lon BETWEEN :west AND :east');
      Object.assign(names, { '#lat': 'lat', '#lon': 'lon' });
      Object.assign(values, { ':south': south, ':north': north, ':west': west, ':east': east });
    }
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tables.tips,
        IndexName: 'byTime',
        KeyConditionExpression: '#f = :feed AND #r >= :since',
        FilterExpression: filters.length ? filters.join(' AND ') : undefined,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: q.limit,
        ExclusiveStartKey: q.startKey,
      }),
    );
    return { items: (out.Items ?? []) as TipItem[], lastKey: out.LastEvaluatedKey };
  }

  /** Every clusterable tip received at or after `since`, from the time index (full recomputation). */
  async clusterableSince(since: string): Promise<ClusterTip[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tables.tips,
      IndexName: 'byTime',
      KeyConditionExpression: '#f = :feed AND #r >= :since',
      FilterExpression: 'attribute_exists(#c) AND #s <> :dismissed',
      ProjectionExpression: 'id, lat, lon, receivedAt, category, admin, urgent, reporterKey',
      ExpressionAttributeNames: { '#f': 'feed', '#r': 'receivedAt', '#c': 'cell', '#s': 'status' },
      ExpressionAttributeValues: { ':feed': 'tips', ':since': since, ':dismissed': 'dismissed' },
    });
    return items.map((item) => toClusterTip(item as unknown as TipItem));
  }

  /** Every clusterable tip received at or after `since` in the given geohash cells. */
  async inCells(cells: string[], since: string): Promise<ClusterTip[]> {
    const pages = await Promise.all(
      cells.map((cell) =>
        queryAll(this.doc, {
          TableName: this.tables.tips,
          IndexName: 'byCell',
          KeyConditionExpression: '#c = :cell AND #r >= :since',
          // Dismissed tips no longer count towards a hotspot.
          FilterExpression: '#s <> :dismissed',
          ExpressionAttributeNames: { '#c': 'cell', '#r': 'receivedAt', '#s': 'status' },
          ExpressionAttributeValues: { ':cell': cell, ':since': since, ':dismissed': 'dismissed' },
        }),
      ),
    );
    return pages.flat().map((item) => toClusterTip(item as unknown as TipItem));
  }
}

/** The clustering view of a stored tip: position, time, category, place; no text, no contact. */
export function toClusterTip(
  item: Pick<TipItem, 'id' | 'lat' | 'lon' | 'receivedAt' | 'category' | 'admin' | 'urgent' | 'reporterKey'> & {
    status?: TipItem['status'];
  },
): ClusterTip {
  return {
    id: item.id,
    lat: item.lat as number,
    lon: item.lon as number,
    receivedAt: item.receivedAt,
    category: item.category,
    admin: item.admin,
    urgent: item.urgent,
    // A dismissed tip leaves its hotspot: the engine trusts the status of changed tips.
    ...(item.status ? { status: item.status } : {}),
    ...(item.reporterKey ? { reporterKey: item.reporterKey } : {}),
  };
}
