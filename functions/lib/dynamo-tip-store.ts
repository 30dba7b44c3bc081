import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type {
  Clock,
  ContactSealer,
  CreateTipOutcome,
  SealedContact,
  IdempotencyRecord,
  TipPage,
  TipQuery,
  TipStore,
} from '../../shared/core/ports.js';
import { tipCell } from '../../shared/hotspots/index.js';
import type { ClusterTip, Tip, TipStatusChange } from '../../shared/types.js';
import { TIME_SHARDS } from '../../shared/tables.js';
import { queryAll } from './query-all.js';
import { decodeFeedCursor, encodeFeedCursor, readFeedPage } from './tip-feed.js';
import { shardKey, shardKeys } from './time-shards.js';

/** How long an `Idempotency-Key` is remembered: a day covers every retrying SMS gateway we know. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** The stored form of a tip: the domain fields plus index keys. */
export interface TipItem extends Tip {
  /** `byTime` shard: `tips#<n>` (see time-shards.ts). */
  feed: string;
  /** `byTime` sort key: `<receivedAt>#<id>`, unique, so merged shards have one order. */
  feedAt: string;
  /** `byCell` key: present only on clusterable tips (see `tipCell`). */
  cell?: string;
  /** Copy of `geocode.admin`, projected into `byCell` for the hotspot engine. */
  admin?: Tip['geocode']['admin'];
}

/** Attributes that exist only for indexes and expiry. */
function toTip(item: Record<string, unknown>): Tip {
  const {
    feed: _feed,
    feedAt: _feedAt,
    cell: _cell,
    admin: _admin,
    expiresAt: _e,
    ...tip
  } = item as unknown as TipItem & { expiresAt?: number };
  return tip;
}

const DAY_S = 86_400;

/** How long tips and their contacts are kept (docs/contract.md, README "Privacy"). */
export interface TipRetention {
  tipDays: number;
  contactDays: number;
}

const epochS = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The stored form of a tip: index keys, the expiry, and the contact left out (it is sealed
 * apart). Exported for the write-path model of the bench (test/bench/write-model.ts).
 */
export function tipItem(tip: Tip, retention: TipRetention): TipItem & { expiresAt: number } {
  const { contact, ...rest } = tip;
  const clusterable = tip.lat !== undefined && tip.lon !== undefined;
  return {
    ...rest,
    feed: shardKey('tips', tip.id),
    feedAt: `${tip.receivedAt}#${tip.id}`,
    admin: tip.geocode.admin,
    ...(clusterable ? { cell: tipCell(tip.lat!, tip.lon!) } : {}),
    ...(contact ? { hasContact: true } : {}),
    expiresAt: epochS(tip.receivedAt) + retention.tipDays * DAY_S,
  };
}

/** The filters of the feed as a FilterExpression (applied after each shard's `Limit`, as before sharding). */
function feedFilter(q: TipQuery): {
  expression?: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
} {
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const equal = (field: 'status' | 'category' | 'channel' | 'reference', value: string | undefined) => {
    if (value === undefined) return;
    filters.push(`#${field} = :${field}`);
    names[`#${field}`] = field;
    values[`:${field}`] = value;
  };
  equal('status', q.status);
  equal('category', q.category);
  equal('channel', q.channel);
  equal('reference', q.reference);
  if (q.bbox) {
    const [west, south, east, north] = q.bbox;
    filters.push('#lat BETWEEN :south AND :north AND #lon BETWEEN :west AND :east');
    Object.assign(names, { '#lat': 'lat', '#lon': 'lon' });
    Object.assign(values, { ':south': south, ':north': north, ':west': west, ':east': east });
  }
  return { ...(filters.length ? { expression: filters.join(' AND ') } : {}), names, values };
}

/** Tips in DynamoDB: atomic create with idempotency, the coordinator feed, cell loads. */
export class DynamoTipStore implements TipStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tables: { tips: string; idempotency: string; tipContacts: string },
    private readonly clock: Clock,
    private readonly sealer: ContactSealer,
    private readonly retention: TipRetention,
  ) {}

  async create(tip: Tip, idem?: IdempotencyRecord): Promise<CreateTipOutcome> {
    const nowSeconds = Math.floor(Date.parse(this.clock.now()) / 1000);
    const sealed = tip.contact ? await this.sealer.seal(tip.contact, tip.id) : undefined;
    const contactExpiresAt = epochS(tip.receivedAt) + this.retention.contactDays * DAY_S;
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tables.tips,
                Item: tipItem(tip, this.retention),
                ConditionExpression: 'attribute_not_exists(id)',
              },
            },
            ...(sealed
              ? [
                  {
                    Put: {
                      TableName: this.tables.tipContacts,
                      Item: { tipId: tip.id, sealed, expiresAt: contactExpiresAt },
                    },
                  },
                ]
              : []),
            ...(idem
              ? [
                  {
                    Put: {
                      TableName: this.tables.idempotency,
                      Item: { ...idem, tipId: tip.id, expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS },
                      // An expired record may outlive its TTL for days (TTL deletes lazily): it is no replay.
                      ConditionExpression: 'attribute_not_exists(#k) OR #e < :now',
                      ExpressionAttributeNames: { '#k': 'key', '#e': 'expiresAt' },
                      ExpressionAttributeValues: { ':now': nowSeconds },
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

  private async getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tables.idempotency, Key: { key }, ConsistentRead: true }),
    );
    const item = out.Item as (IdempotencyRecord & { expiresAt?: number }) | undefined;
    // Whole seconds, as `create`'s condition compares them: both agree on when a key has expired.
    if (!item || (item.expiresAt !== undefined && item.expiresAt < Math.floor(Date.parse(this.clock.now()) / 1000)))
      return undefined;
    return { key: item.key, bodyHash: item.bodyHash, statusCode: item.statusCode, response: item.response };
  }

  async get(id: string): Promise<Tip | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tables.tips, Key: { id }, ConsistentRead: true }));
    if (!out.Item) return undefined;
    const tip = toTip(out.Item);
    if (!tip.hasContact) return tip;
    const sealed = await this.doc.send(
      new GetCommand({ TableName: this.tables.tipContacts, Key: { tipId: id }, ConsistentRead: true }),
    );
    const { hasContact: _h, ...rest } = tip;
    // Expired under the contact retention: the tip stays, its contact is gone.
    if (!sealed.Item) return rest;
    return { ...rest, contact: await this.sealer.open(sealed.Item.sealed as SealedContact, id) };
  }

  /**
   * One conditional UpdateItem, so an unknown id creates nothing; the change reaches the
   * hotspot engine through the tips stream (a `dismissed` tip leaves its hotspot).
   */
  async setStatus(id: string, change: TipStatusChange): Promise<Tip | undefined> {
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tables.tips,
          Key: { id },
          UpdateExpression:
            'SET #s = :status, reviewedAt = :at, statusHistory = list_append(if_not_exists(statusHistory, :none), :change)',
          ConditionExpression: 'attribute_exists(id)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':status': change.status, ':at': change.at, ':none': [], ':change': [change] },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? toTip(out.Attributes) : undefined;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return undefined;
      throw err;
    }
  }

  /** The feed newest first: the shards merged (tip-feed.ts). */
  async list(q: TipQuery): Promise<TipPage> {
    // `feedAt` is `<receivedAt>#<id>`: `$` sorts just after `#`, so `hi` keeps receivedAt <= until.
    const bounds = { lo: q.since ?? '0', hi: `${q.until ?? '9'}$` };
    const filter = feedFilter(q);
    const page = await readFeedPage(
      async (shard, lo, hi, limit) => {
        const out = await this.doc.send(
          new QueryCommand({
            TableName: this.tables.tips,
            IndexName: 'byTime',
            KeyConditionExpression: '#f = :feed AND #k BETWEEN :lo AND :hi',
            FilterExpression: filter.expression,
            ExpressionAttributeNames: { ...filter.names, '#f': 'feed', '#k': 'feedAt' },
            ExpressionAttributeValues: { ...filter.values, ':feed': `tips#${shard}`, ':lo': lo, ':hi': hi },
            ScanIndexForward: false,
            Limit: limit,
          }),
        );
        return {
          items: (out.Items ?? []) as Array<Record<string, unknown> & { feedAt: string }>,
          ...(out.LastEvaluatedKey ? { lastKey: String(out.LastEvaluatedKey.feedAt) } : {}),
        };
      },
      TIME_SHARDS,
      bounds,
      q.after ? decodeFeedCursor(q.after, bounds) : undefined,
      q.limit,
    );
    return { items: page.items.map(toTip), ...(page.below ? { next: encodeFeedCursor(page.below) } : {}) };
  }

  /** The window, the shards read side by side, one Query page of each at a time. */
  async *clusterableSince(since: string): AsyncIterable<ClusterTip[]> {
    let open: Array<{ shard: string; start?: Record<string, unknown> }> = shardKeys('tips').map((shard) => ({ shard }));
    while (open.length) {
      const pages = await Promise.all(
        open.map(async ({ shard, start }) => {
          const out = await this.doc.send(
            new QueryCommand({
              TableName: this.tables.tips,
              IndexName: 'byTime',
              KeyConditionExpression: '#f = :feed AND #k >= :since',
              FilterExpression: 'attribute_exists(#c) AND #s <> :dismissed',
              ProjectionExpression: 'id, lat, lon, receivedAt, category, admin, urgent, reporterKey',
              ExpressionAttributeNames: { '#f': 'feed', '#k': 'feedAt', '#c': 'cell', '#s': 'status' },
              ExpressionAttributeValues: { ':feed': shard, ':since': since, ':dismissed': 'dismissed' },
              ExclusiveStartKey: start,
            }),
          );
          return { shard, items: out.Items ?? [], start: out.LastEvaluatedKey };
        }),
      );
      for (const p of pages) if (p.items.length) yield p.items.map((item) => toClusterTip(item as unknown as TipItem));
      open = pages.filter((p) => p.start).map(({ shard, start }) => ({ shard, start }));
    }
  }

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

/** The clustering view of a stored tip (or its stream image): position, time, category, place; no text, no contact. */
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
