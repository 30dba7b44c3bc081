/** The hotspot store's optimistic concurrency, on DynamoDB Local and in memory alike. */
import { beforeAll, describe, expect, it } from 'vitest';
import { HotspotConflictError } from '../../shared/core/errors.js';
import { MemoryHotspotStore } from '../../shared/core/in-memory/memory-hotspot-store.js';
import type { HotspotStore } from '../../shared/core/ports.js';
import type { Hotspot } from '../../shared/types.js';
import { DynamoHotspotStore } from '../../functions/lib/dynamo-hotspot-store.js';
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
