/**
 * The coordinator feed over the sharded `byTime` index: the shards are queried side by side
 * and merged newest first by `feedAt` (`<receivedAt>#<id>`, unique), so a page ends at one key
 * and the cursor is that key. Work per page stays bounded: each shard evaluates at most
 * `limit` items (filters apply after, as DynamoDB's `Limit` does).
 */
import { InvalidCursorError } from '../../shared/core/errors.js';

/** One shard query: items with `feedAt` between `lo` and `hi` (inclusive), newest first, at most `limit` evaluated. */
export type ShardQuery = (
  shard: number,
  lo: string,
  hi: string,
  limit: number,
) => Promise<{ items: Array<Record<string, unknown> & { feedAt: string }>; lastKey?: string }>;

/** A page: items newest first, and the key the next page continues below (absent at the end). */
export interface FeedPage {
  items: Array<Record<string, unknown> & { feedAt: string }>;
  below?: string;
}

/**
 * Reads one page of the feed with `feedAt` between `lo` and `hi` (inclusive) and below
 * `below` (the key a previous page ended at), over `shards` shards.
 */
export async function readFeedPage(
  query: ShardQuery,
  shards: number,
  bounds: { lo: string; hi: string },
  below: string | undefined,
  limit: number,
): Promise<FeedPage> {
  // `hi` is inclusive: a page that ended at `below` asks for one more and drops it.
  const hi = below !== undefined && below < bounds.hi ? below : bounds.hi;
  if (hi < bounds.lo) return { items: [] };
  const ask = limit + (hi === below ? 1 : 0);
  const results = await Promise.all(Array.from({ length: shards }, (_, n) => query(n, bounds.lo, hi, ask)));
  // Every shard has been read down to its last key: what is at or above the highest of those
  // is complete in all shards, and can be given out.
  let frontier: string | undefined;
  for (const r of results) {
    if (r.lastKey !== undefined && (frontier === undefined || r.lastKey > frontier)) frontier = r.lastKey;
  }
  const ready = results
    .flatMap((r) => r.items)
    .filter((item) => item.feedAt !== below && (frontier === undefined || item.feedAt >= frontier))
    .sort((a, b) => (a.feedAt < b.feedAt ? 1 : a.feedAt > b.feedAt ? -1 : 0));
  const items = ready.slice(0, limit);
  if (ready.length > limit) return { items, below: items[items.length - 1].feedAt };
  return { items, ...(frontier !== undefined ? { below: frontier } : {}) };
}

/** The opaque cursor of a page's end. */
export function encodeFeedCursor(below: string): string {
  return Buffer.from(JSON.stringify({ k: below }), 'utf8').toString('base64url');
}

/**
 * The key of a cursor from {@link encodeFeedCursor} for a query over `bounds`; anything else
 * (garbled text, another shape, ill-formed UTF-16, a key outside the query's range) is an
 * {@link InvalidCursorError}, never a database error.
 */
export function decodeFeedCursor(cursor: string, bounds: { lo: string; hi: string }): string {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (err) {
    throw new InvalidCursorError({ cause: err });
  }
  const v = value as Record<string, unknown> | null;
  const valid =
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.keys(v).join(',') === 'k' &&
    typeof v.k === 'string' &&
    v.k.isWellFormed() &&
    FEED_AT.test(v.k) &&
    v.k >= bounds.lo &&
    v.k <= bounds.hi;
  if (!valid) throw new InvalidCursorError();
  return v.k as string;
}

/** `<receivedAt>#<tip id>` as the store writes it. */
const FEED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[^\s]{1,128}$/;
