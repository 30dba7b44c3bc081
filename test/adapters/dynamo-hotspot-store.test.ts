/** The hotspot store's optimistic concurrency, on DynamoDB Local and in memory alike. */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { HotspotConflictError } from '../../shared/core/errors.js';
import { MemoryHotspotStore } from '../../shared/core/in-memory/memory-hotspot-store.js';
import type { HotspotStore } from '../../shared/core/ports.js';
import type { Hotspot } from '../../shared/types.js';
import { DynamoHotspotStore } from '../../functions/lib/dynamo-hotspot-store.js';
import { itemSizeBytes } from '../support/item-size.js';
import { freshTables } from './fresh-tables.js';

function hotspot(id: string, updatedAt: string, status: Hotspot['status'] = 'active'): Hotspot {
  return {
    id,
    status,
    riskLevel: 'medium',
    riskScore: 6,
    tipCount: 5,
    categories: { other: 5 },
    firstSeen: '2026-11-01T00:00:00.000Z',
    lastSeen: updatedAt,
    centroid: { lat: 6.4, lon: 101.8 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [101.8, 6.4],
          [101.81, 6.4],
          [101.81, 6.41],
          [101.8, 6.4],
        ],
      ],
    },
    admin: { provinceCode: '96' },
    memberTipIds: ['a', 'b', 'c', 'd', 'e'],
    createdAt: updatedAt,
    updatedAt,
  };
}

const STORES: Array<[string, () => Promise<HotspotStore>]> = [
  [
    'DynamoDB',
    async () => {
      const { doc, tables } = await freshTables('h');
      return new DynamoHotspotStore(doc, tables.hotspots);
    },
  ],
  ['memory', async () => new MemoryHotspotStore()],
];

/** A version as read: only its id and `updatedAt` matter to the check. */
const readAt = (id: string, updatedAt: string) => ({ ...hotspot(id, updatedAt) });

describe.each(STORES)('hotspot store on %s (optimistic concurrency)', (_name, make) => {
  let repo: HotspotStore;
  const putAll = (hs: Hotspot[], read: Hotspot[]) => repo.saveChanges({ upserts: hs, retired: [] }, read);
  beforeAll(async () => {
    repo = await make();
  });
  it('creates, then updates only from the version it read', async () => {
    await putAll([hotspot('h1', 't1')], []);
    const read = await repo.listActive();
    expect(read.map((h) => h.id)).toEqual(['h1']);
    expect(read[0].geometry.type).toBe('Polygon');
    await putAll([hotspot('h1', 't2')], read);
    expect((await repo.get('h1'))?.updatedAt).toBe('t2');
  });

  it('refuses to create what exists and to update from a stale read', async () => {
    await expect(putAll([hotspot('h1', 't3')], [])).rejects.toBeInstanceOf(HotspotConflictError);
    await expect(putAll([hotspot('h1', 't3')], [readAt('h1', 't1')])).rejects.toBeInstanceOf(HotspotConflictError);
    expect((await repo.get('h1'))?.updatedAt).toBe('t2');
  });

  it('lets a retired hotspot come back under its id', async () => {
    await putAll([hotspot('h1', 't4', 'retired')], [readAt('h1', 't2')]);
    expect(await repo.listActive()).toEqual([]);
    await putAll([hotspot('h1', 't5')], []);
    expect((await repo.get('h1'))?.status).toBe('active');
  });
});

describe('a hotspot with many members on DynamoDB Local (issue 12)', () => {
  const CELLS = ['w2c1', 'w2c4', 'w2c3'];
  let doc: DynamoDBDocumentClient;
  let table: string;
  let store: DynamoHotspotStore;
  /** The hotspot as last saved whole. */
  let whole: Hotspot;
  const scan = async () => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  };
  const pagesOf = (items: Record<string, unknown>[], id: string) =>
    items.filter((i) => String(i.id).startsWith(`m~${id}~`)).map((i) => String(i.id));
  const big = (id: string, n: number, updatedAt: string): Hotspot => {
    const memberTipIds = Array.from({ length: n }, () => randomUUID());
    // Most members in one cell, as in a real hotspot; a few in its neighbours.
    const memberCells = memberTipIds.map((_, i) => CELLS[i % 10 === 0 ? 1 + (i % 2) : 0]);
    return { ...hotspot(id, updatedAt), tipCount: n, memberTipIds, memberCells };
  };

  beforeAll(async () => {
    const fresh = await freshTables('hb');
    doc = fresh.doc;
    table = fresh.tables.hotspots;
    store = new DynamoHotspotStore(doc, table);
  });

  it('saves 12,500 members and reads them back, every stored item under 64 KB', async () => {
    const h = big('hbig', 12_500, 't1');
    await store.saveChanges({ upserts: [h], retired: [] }, []);
    // A fresh store: nothing remembered from the write.
    const reader = new DynamoHotspotStore(doc, table);
    const [back] = await reader.listActive();
    expect(back.memberTipIds).toHaveLength(12_500);
    const cellOf = new Map(h.memberTipIds.map((id, i) => [id, h.memberCells![i]]));
    back.memberTipIds.forEach((id, i) => expect(back.memberCells?.[i]).toBe(cellOf.get(id)));
    expect(new Set(back.memberTipIds)).toEqual(new Set(h.memberTipIds));
    const items = await scan();
    expect(pagesOf(items, 'hbig').length).toBeGreaterThan(1);
    const largest = Math.max(...items.map(itemSizeBytes));
    expect(largest).toBeLessThan(64 * 1024);
    // The summary and an update's read of one cell carry no more than they need.
    expect(await reader.get('hbig')).not.toHaveProperty('memberTipIds');
    const box = { minLat: 6.39, maxLat: 6.42, minLon: 101.79, maxLon: 101.82 };
    const [near] = await reader.listActive({ near: { box, cells: ['w2c4'] } });
    expect(near.memberTipIds.length).toBe(h.memberCells!.filter((c) => c === 'w2c4').length);
    expect(new Set(near.memberCells)).toEqual(new Set(['w2c4']));
  });

  it('writes one new page when a member joins, and deletes the page it replaced', async () => {
    const [read] = await store.listActive();
    const pagesBefore = pagesOf(await scan(), 'hbig');
    const grown = {
      ...read,
      updatedAt: 't2',
      memberTipIds: [...read.memberTipIds, randomUUID()],
      memberCells: [...read.memberCells!, 'w2c1'],
    };
    await store.saveChanges({ upserts: [grown], retired: [] }, [read]);
    whole = grown;
    const pagesAfter = pagesOf(await scan(), 'hbig');
    expect(pagesAfter.filter((p) => !pagesBefore.includes(p))).toHaveLength(1);
    expect(pagesAfter).toHaveLength(pagesBefore.length);
    const [back] = await new DynamoHotspotStore(doc, table).listActive();
    expect(new Set(back.memberTipIds)).toEqual(new Set(grown.memberTipIds));
  });

  it('refuses a write from a stale read without touching the stored pages', async () => {
    const stale = { ...big('hbig', 3, 't1'), updatedAt: 't3' };
    const before = pagesOf(await scan(), 'hbig').sort();
    await expect(
      new DynamoHotspotStore(doc, table).saveChanges({ upserts: [stale], retired: [] }, [readAt('hbig', 't1')]),
    ).rejects.toBeInstanceOf(HotspotConflictError);
    expect(pagesOf(await scan(), 'hbig').sort()).toEqual(before);
  });

  it('writes a lost page again on the next save of the hotspot', async () => {
    const [victim] = pagesOf(await scan(), 'hbig');
    await doc.send(new DeleteCommand({ TableName: table, Key: { id: victim } }));
    // A fresh store: one that holds the page in its cache would not notice.
    const writer = new DynamoHotspotStore(doc, table);
    const [read] = await writer.listActive();
    expect(read.memberTipIds.length).toBeLessThan(whole.memberTipIds.length);
    // The engine's next version has every member again (members come from the tips), so the
    // lost page's content comes back under its old name: it must be written, not assumed.
    await writer.saveChanges({ upserts: [{ ...whole, updatedAt: 't4' }], retired: [] }, [read]);
    expect((await scan()).some((i) => i.id === victim)).toBe(true);
    const [back] = await new DynamoHotspotStore(doc, table).listActive();
    expect(new Set(back.memberTipIds)).toEqual(new Set(whole.memberTipIds));
  });

  it('retires a hotspot: its pages go, its item expires, and it leaves the active index', async () => {
    const [read] = await store.listActive();
    const retired = { ...read, status: 'retired' as const, updatedAt: '2026-11-30T00:00:00.000Z' };
    await store.saveChanges({ upserts: [], retired: [retired] }, [read]);
    const items = await scan();
    expect(pagesOf(items, 'hbig')).toEqual([]);
    const item = items.find((i) => i.id === 'hbig');
    expect(item?.expiresAt).toBe(Date.parse('2026-11-30T00:00:00.000Z') / 1000 + 90 * 86_400);
    expect(item).not.toHaveProperty('area');
    expect(await store.listActive()).toEqual([]);
    expect((await store.get('hbig'))?.status).toBe('retired');
  });
});
