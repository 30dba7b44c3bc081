import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../shared/core/errors.js';
import { decodeFeedCursor, encodeFeedCursor, readFeedPage, type ShardQuery } from './tip-feed.js';

type Item = Record<string, unknown> & { feedAt: string; keep: boolean };

const BOUNDS = { lo: '0', hi: '9' };

/**
 * Shards as DynamoDB answers a descending Query on them: at most `limit` items evaluated
 * (fewer when `cut` says the 1 MB page ended first), the filter applied after, and a last
 * key whenever it stopped early, sometimes also when it happened to stop at the very end.
 */
function shardsOf(items: Item[], shards: number, cut: (n: number) => number, filter: boolean): ShardQuery {
  const byShard = Array.from({ length: shards }, (_, n) =>
    items.filter((_, i) => i % shards === n).sort((a, b) => (a.feedAt < b.feedAt ? 1 : -1)),
  );
  return async (shard, lo, hi, limit) => {
    const inRange = byShard[shard].filter((i) => i.feedAt >= lo && i.feedAt <= hi);
    const evaluated = inRange.slice(0, Math.max(1, Math.min(limit, cut(limit))));
    const stoppedEarly = evaluated.length < inRange.length;
    const last = evaluated[evaluated.length - 1];
    const atLimit = evaluated.length === limit;
    return {
      items: filter ? evaluated.filter((i) => i.keep) : evaluated,
      ...(last && (stoppedEarly || atLimit) ? { lastKey: last.feedAt } : {}),
    };
  };
}

/** Every page from the start to the end, through the opaque cursor as a client would. */
async function readAll(query: ShardQuery, shards: number, limit: number, bounds = BOUNDS) {
  const pages: Item[][] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 10_000; n++) {
    const page = await readFeedPage(
      query,
      shards,
      bounds,
      cursor === undefined ? undefined : decodeFeedCursor(cursor, bounds),
      limit,
    );
    pages.push(page.items as Item[]);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.below === undefined) return pages;
    cursor = encodeFeedCursor(page.below);
  }
  throw new Error('the feed did not end');
}

const feedAt = (ms: number, id: string) => `${new Date(Date.UTC(2026, 10, 1) + ms).toISOString()}#${id}`;

const arbItems = fc
  .uniqueArray(
    fc.record({ ms: fc.integer({ min: 0, max: 5_000 }), id: fc.stringMatching(/^[a-z0-9]{1,6}$/), keep: fc.boolean() }),
    { selector: (t) => `${t.ms}#${t.id}`, maxLength: 120 },
  )
  .map((ts) => ts.map((t) => ({ feedAt: feedAt(t.ms, t.id), keep: t.keep })));

describe('the merged feed over time shards', () => {
  it('pages through random shards to exactly the sorted whole list: no duplicates, no gaps', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbItems,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 15 }),
        fc.boolean(),
        fc.infiniteStream(fc.integer({ min: 1, max: 20 })),
        async (items, shards, limit, filter, cuts) => {
          const query = shardsOf(items, shards, () => cuts.next().value, filter);
          const pages = await readAll(query, shards, limit);
          const got = pages.flat().map((i) => i.feedAt);
          const want = items
            .filter((i) => !filter || i.keep)
            .map((i) => i.feedAt)
            .sort()
            .reverse();
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps to the bounds, and a page that ends at its limit hands on where the next begins', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ feedAt: feedAt(i * 1000, `t${i}`), keep: true }));
    const bounds = { lo: feedAt(10_000, ''), hi: `${new Date(Date.UTC(2026, 10, 1) + 19_000).toISOString()}$` };
    const query = shardsOf(items, 3, (n) => n, false);
    const pages = await readAll(query, 3, 4, bounds);
    expect(pages.flat().map((i) => i.feedAt)).toEqual(
      items
        .slice(10, 20)
        .map((i) => i.feedAt)
        .reverse(),
    );
    expect(pages[0]).toHaveLength(4);
  });

  it('gives back a cursor it handed out, and refuses any other as InvalidCursorError', () => {
    const key = feedAt(0, 'tip-1');
    expect(decodeFeedCursor(encodeFeedCursor(key), BOUNDS)).toBe(key);
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
    const forged = [
      'garbage',
      '',
      b64('null'),
      b64('{}'),
      b64(JSON.stringify({ k: key, x: 1 })),
      b64(JSON.stringify({ k: 'tips#3' })),
      b64(JSON.stringify({ k: feedAt(0, 'x'.repeat(129)) })),
      b64(`{"k":"${feedAt(0, '\\ud800')}"}`),
      b64(JSON.stringify({ feed: 'tips', id: 'x', receivedAt: '2026-01-01T00:00:00.000Z' })),
    ];
    for (const cursor of forged) expect(() => decodeFeedCursor(cursor, BOUNDS), cursor).toThrow(InvalidCursorError);
    // A well-formed key outside the query's range.
    const range = { lo: '2027-01-01T00:00:00.000Z', hi: '2027-02-01T00:00:00.000Z$' };
    expect(() => decodeFeedCursor(encodeFeedCursor(key), range)).toThrow(InvalidCursorError);
  });

  it('refuses garbled cursors of any shape, as a property', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.jsonValue(), (text, value) => {
        for (const cursor of [text, Buffer.from(JSON.stringify(value) ?? '', 'utf8').toString('base64url')]) {
          try {
            const key = decodeFeedCursor(cursor, BOUNDS);
            // Whatever is accepted is a key the store writes.
            expect(key).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#\S{1,128}$/);
          } catch (err) {
            expect(err).toBeInstanceOf(InvalidCursorError);
          }
        }
      }),
    );
  });
});
