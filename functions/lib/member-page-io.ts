import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchGetCommandOutput,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { idsOfPage, pageId, type MemberPage } from './member-pages.js';

/**
 * A page outlives any hotspot version that lists it by far (a page holds tips of the 30-day
 * window, and the recomputation rewrites every 15 minutes): this expiry only sweeps pages a
 * crashed write left unlisted.
 */
const PAGE_TTL_S = 120 * 86_400;
/** Most pages read at once: BatchGetItem takes 100 keys. */
const GET_BATCH = 100;
/** BatchWriteItem takes 25 requests. */
const WRITE_BATCH = 25;
/** Page reads kept per process, in ids (~40 bytes each in memory): pages never change, so a copy never goes stale. */
const CACHE_IDS = 400_000;

/** A page as read: its cell and ids. */
export interface ReadPage {
  cell: string;
  ids: string[];
}

/** Reads member pages by id, BatchGetItem 100 at a time, keeping recent ones (their content is their name). */
export class MemberPageReader {
  private readonly cache = new Map<string, ReadPage>();
  private cachedIds = 0;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The pages found among `ids` (a missing one is absent from the map). */
  async read(ids: readonly string[]): Promise<Map<string, ReadPage>> {
    const out = new Map<string, ReadPage>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const page = this.cache.get(id);
      if (page) out.set(id, page);
      else missing.push(id);
    }
    const batches: string[][] = [];
    for (let i = 0; i < missing.length; i += GET_BATCH) batches.push(missing.slice(i, i + GET_BATCH));
    // A few batches in flight: a recomputation reads every page of every active hotspot.
    for (let i = 0; i < batches.length; i += 8) {
      await Promise.all(batches.slice(i, i + 8).map((batch) => this.readBatch(batch, out)));
    }
    return out;
  }

  private async readBatch(ids: string[], out: Map<string, ReadPage>): Promise<void> {
    let keys: Array<Record<string, unknown>> | undefined = ids.map((id) => ({ id }));
    for (let attempt = 0; keys?.length; attempt++) {
      if (attempt) await pause(attempt);
      const res: BatchGetCommandOutput = await this.doc.send(
        new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys } } }),
      );
      for (const item of res.Responses?.[this.table] ?? []) {
        const page = { cell: cellOfPageId(String(item.id)), ids: idsOfPage(String(item.ids ?? '')) };
        out.set(String(item.id), page);
        this.keep(String(item.id), page);
      }
      keys = res.UnprocessedKeys?.[this.table]?.Keys;
    }
  }

  private keep(id: string, page: ReadPage): void {
    this.cache.set(id, page);
    this.cachedIds += page.ids.length;
    for (const [old, p] of this.cache) {
      if (this.cachedIds <= CACHE_IDS) break;
      this.cache.delete(old);
      this.cachedIds -= p.ids.length;
    }
  }
}

/** Writes new pages of hotspot `hotspotId` (BatchWriteItem, unprocessed ones again). */
export async function writePages(
  doc: DynamoDBDocumentClient,
  table: string,
  hotspotId: string,
  pages: readonly MemberPage[],
  nowS = Math.floor(Date.now() / 1000),
): Promise<void> {
  await batchWrite(
    doc,
    table,
    pages.map((p) => ({ PutRequest: { Item: memberPageItem(hotspotId, p, nowS) } })),
  );
}

/** The stored form of a page (exported for the bench's item sizes and write model). */
export function memberPageItem(hotspotId: string, p: MemberPage, nowS: number): Record<string, unknown> {
  return { id: pageId(hotspotId, p.cell, p.n, p.hash), of: hotspotId, ids: p.ids, expiresAt: nowS + PAGE_TTL_S };
}

/** Deletes pages by id. */
export async function deletePages(doc: DynamoDBDocumentClient, table: string, ids: readonly string[]): Promise<void> {
  await batchWrite(
    doc,
    table,
    ids.map((id) => ({ DeleteRequest: { Key: { id } } })),
  );
}

type WriteRequest = NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string][number];

async function batchWrite(doc: DynamoDBDocumentClient, table: string, requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += WRITE_BATCH) {
    let batch: WriteRequest[] | undefined = requests.slice(i, i + WRITE_BATCH);
    for (let attempt = 0; batch?.length; attempt++) {
      if (attempt) await pause(attempt);
      const res: BatchWriteCommandOutput = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: batch } }));
      batch = res.UnprocessedItems?.[table] as WriteRequest[] | undefined;
    }
  }
}

/** The cell named in a page id (`m~<hotspot>~<cell>~<n>~<hash>`). */
function cellOfPageId(id: string): string {
  const parts = id.split('~');
  return parts[parts.length - 3];
}

/** Backoff before retrying unprocessed items: 50 ms, doubling, at most 2 s. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** (attempt - 1))));
}
