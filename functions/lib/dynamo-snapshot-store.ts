import { randomUUID } from 'node:crypto';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { PublicHotspotCollection, PublicHotspotFeature } from '../../shared/api/wire.js';
import type { SnapshotStore } from '../../shared/core/ports.js';

/** Features per page item: ~1 KB each on the grid, so a page stays far below DynamoDB's 400 KB. */
const PAGE = 100;
/** Pages of a replaced version linger this long for readers mid-read, then expire. */
const OLD_PAGE_TTL_S = 6 * 3600;
/** How long a process trusts its copy before checking the pointer again, ms. */
const CACHE_MS = 15_000;

interface Pointer {
  version: string;
  pages: number;
  publishedAt: string;
  gridKm: number;
}

/**
 * The public snapshot in DynamoDB: pages written first, then the pointer in one put, so a
 * reader sees the old snapshot or the new one, whole. Readers keep the snapshot for a few
 * seconds per process (a Lambda container answers many public requests from one read).
 */
export class DynamoSnapshotStore implements SnapshotStore {
  private cached?: { pointer: Pointer; snapshot: PublicHotspotCollection; at: number };

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async publish(snapshot: PublicHotspotCollection): Promise<void> {
    const version = `${snapshot.publishedAt}-${randomUUID().slice(0, 8)}`;
    const expiresAt = Math.floor(Date.parse(snapshot.publishedAt) / 1000) + 30 * 86_400;
    const pages: PublicHotspotFeature[][] = [];
    for (let i = 0; i < snapshot.features.length; i += PAGE) pages.push(snapshot.features.slice(i, i + PAGE));
    for (let i = 0; i < pages.length; i += 25) {
      let requests = pages.slice(i, i + 25).map((features, j) => ({
        PutRequest: { Item: { id: `public@${version}#${i + j}`, features: JSON.stringify(features), expiresAt } },
      }));
      while (requests.length) {
        const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: requests } }));
        requests = (out.UnprocessedItems?.[this.table] ?? []) as typeof requests;
      }
    }
    const pointer: Pointer = {
      version,
      pages: pages.length,
      publishedAt: snapshot.publishedAt,
      gridKm: snapshot.gridKm,
    };
    const previous = await this.pointer();
    await this.doc.send(new PutCommand({ TableName: this.table, Item: { id: 'public', ...pointer } }));
    if (previous) await this.expire(previous);
    this.cached = { pointer, snapshot, at: Date.now() };
  }

  async latest(): Promise<PublicHotspotCollection | undefined> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.snapshot;
    const pointer = await this.pointer();
    if (!pointer) return undefined;
    if (this.cached?.pointer.version === pointer.version) {
      this.cached.at = Date.now();
      return this.cached.snapshot;
    }
    const features: PublicHotspotFeature[] = [];
    const ids = Array.from({ length: pointer.pages }, (_, n) => `public@${pointer.version}#${n}`);
    const byId = new Map<string, PublicHotspotFeature[]>();
    for (let i = 0; i < ids.length; i += 100) {
      let keys: Array<Record<string, unknown>> | undefined = ids.slice(i, i + 100).map((id) => ({ id }));
      while (keys?.length) {
        const out: BatchGetCommandOutput = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys, ConsistentRead: true } } }),
        );
        for (const item of out.Responses?.[this.table] ?? [])
          byId.set(item.id as string, JSON.parse(item.features as string));
        keys = out.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    for (const id of ids) features.push(...(byId.get(id) ?? []));
    const snapshot: PublicHotspotCollection = {
      type: 'FeatureCollection',
      publishedAt: pointer.publishedAt,
      gridKm: pointer.gridKm,
      features,
    };
    this.cached = { pointer, snapshot, at: Date.now() };
    return snapshot;
  }

  private async pointer(): Promise<Pointer | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { id: 'public' }, ConsistentRead: true }),
    );
    return out.Item as Pointer | undefined;
  }

  /** Shortens the life of a replaced version's pages (readers mid-read still find them whole). */
  private async expire(old: Pointer): Promise<void> {
    const expiresAt = Math.floor(Date.now() / 1000) + OLD_PAGE_TTL_S;
    for (let n = 0; n < old.pages; n++) {
      try {
        await this.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: { id: `public@${old.version}#${n}` },
            UpdateExpression: 'SET expiresAt = :e',
            ConditionExpression: 'attribute_exists(id)',
            ExpressionAttributeValues: { ':e': expiresAt },
          }),
        );
      } catch (err) {
        // Already expired and gone: nothing to shorten.
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      }
    }
  }
}
