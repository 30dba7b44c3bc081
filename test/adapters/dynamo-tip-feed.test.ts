/** The tips feed over its sharded `byTime` index, on DynamoDB Local (issue 12). */
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoTipStore } from '../../functions/lib/dynamo-tip-store.js';
import { InvalidCursorError } from '../../shared/core/errors.js';
import type { ContactSealer, TipQuery } from '../../shared/core/ports.js';
import type { Tip } from '../../shared/types.js';
import { freshTables } from './fresh-tables.js';

const BASE = Date.parse('2026-11-20T00:00:00.000Z');

function tip(i: number): Tip {
  // Some tips share a millisecond: the feed's order is `receivedAt`, then the id.
  const receivedAt = new Date(BASE + Math.floor(i / 3) * 60_000).toISOString();
  return {
    id: `tip-${String(i).padStart(3, '0')}`,
    reference: `R${i}`,
    receivedAt,
    text: `tip ${i}`,
    category: i % 4 === 0 ? 'debt_bondage' : 'other',
    channel: 'web',
    status: 'new',
    geocode: { status: 'none', admin: {} },
    urgent: false,
    ...(i % 5 === 0 ? {} : { lat: 6.4 + i * 0.001, lon: 101.8 }),
  } as unknown as Tip;
}

const sealer = {} as ContactSealer;
const TIPS = Array.from({ length: 70 }, (_, i) => tip(i));
const newestFirst = (tips: Tip[]) =>
  [...tips].sort((a, b) => (`${a.receivedAt}#${a.id}` < `${b.receivedAt}#${b.id}` ? 1 : -1)).map((t) => t.id);

describe('the tips feed on DynamoDB Local', () => {
  let store: DynamoTipStore;
  const pageAll = async (q: Omit<TipQuery, 'after'>) => {
    const ids: string[] = [];
    let after: string | undefined;
    for (let n = 0; n < 200; n++) {
      const page = await store.list({ ...q, ...(after ? { after } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(q.limit);
      ids.push(...page.items.map((t) => t.id));
      if (!page.next) return ids;
      after = page.next;
    }
    throw new Error('the feed did not end');
  };

  beforeAll(async () => {
    const { doc, tables } = await freshTables('tf');
    store = new DynamoTipStore(doc, tables, { now: () => '2026-11-25T00:00:00.000Z' }, sealer, {
      tipDays: 365,
      contactDays: 90,
    });
    for (const t of TIPS) await store.create(t);
  });

  it('pages through every shard to the whole feed, newest first, each tip once', async () => {
    for (const limit of [1, 7, 100]) expect(await pageAll({ limit })).toEqual(newestFirst(TIPS));
  });

  it('pages with filters and a time range', async () => {
    const since = new Date(BASE + 5 * 60_000).toISOString();
    const until = new Date(BASE + 15 * 60_000).toISOString();
    const want = newestFirst(
      TIPS.filter((t) => t.category === 'debt_bondage' && t.receivedAt >= since && t.receivedAt <= until),
    );
    expect(want.length).toBeGreaterThan(2);
    expect(await pageAll({ limit: 2, category: 'debt_bondage', since, until })).toEqual(want);
  });

  it('refuses a cursor from another time range', async () => {
    const first = await store.list({ limit: 3 });
    const later = new Date(BASE + 60 * 60_000).toISOString();
    await expect(store.list({ limit: 3, since: later, after: first.next })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('streams the window page by page, every clusterable tip once', async () => {
    const ids: string[] = [];
    for await (const page of store.clusterableSince('2026-11-01T00:00:00.000Z')) ids.push(...page.map((t) => t.id));
    expect(ids.sort()).toEqual(TIPS.filter((t) => t.lat !== undefined).map((t) => t.id));
  });
});
