import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { recomputeHotspots } from '../hotspots/index.js';
import type { ClusterTip, Hotspot, TipCategory } from '../types.js';
import { buildPublicSnapshot } from './build-public-snapshot.js';
import { bboxOf } from './bbox-of.js';
import { cellsOfUnion, onH3Lattice, ringsOf } from './test-support/h3-lattice.js';

const NOW = '2026-12-02T05:00:00.000Z';
const PUBLISHED = '2026-12-02T05:00:00.000Z';
const ALLOWED = [
  'id',
  'riskLevel',
  'tipCount',
  'firstSeen',
  'lastSeen',
  'admin',
  'categories',
  'trend',
  'giConfidence',
];

/** `n` tips on a 3-wide grid 90 m apart from (lat, lon), received 2, 4, … 2n hours (and 1.234 s) before NOW. */
function clump(prefix: string, n: number, lat: number, lon: number, extra: Partial<ClusterTip> = {}): ClusterTip[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${String(i).padStart(3, '0')}`,
    lat: lat + (i % 3) * 0.0008,
    lon: lon + Math.floor(i / 3) * 0.0008,
    receivedAt: new Date(Date.parse(NOW) - (i + 1) * 7_200_000 - 1234).toISOString(),
    category: 'labour_exploitation' as TipCategory,
    admin: { provinceCode: '96', province: 'นราธิวาส', amphoeCode: '9601', tambonCode: '960107' },
    ...extra,
  }));
}

function hotspotOf(tips: ClusterTip[]): Hotspot {
  const { upserts } = recomputeHotspots({ tips, existing: [], now: NOW });
  expect(upserts).toHaveLength(1);
  return upserts[0];
}

describe('buildPublicSnapshot', () => {
  const tips = clump('a', 7, 6.425, 101.82);
  const stored = hotspotOf(tips);

  it('publishes a hotspot with only the public fields, times at Bangkok day starts', () => {
    const snap = buildPublicSnapshot([stored], { publishedAt: PUBLISHED });
    expect(snap.type).toBe('FeatureCollection');
    expect(snap.publishedAt).toBe(PUBLISHED);
    expect(snap.gridKm).toBe(0.53);
    expect(snap.features).toHaveLength(1);
    const f = snap.features[0];
    expect(f.id).toBe(stored.id);
    expect(Object.keys(f.properties).sort()).toEqual([...ALLOWED].sort());
    expect(f.properties).toMatchObject({
      id: stored.id,
      riskLevel: stored.riskLevel,
      tipCount: 7,
      // NOW is 12:00 Bangkok: tips from 09:59 back to 21:59 the day before, two Bangkok days.
      firstSeen: '2026-11-30T17:00:00.000Z',
      lastSeen: '2026-12-01T17:00:00.000Z',
      categories: { labour_exploitation: 7 },
      trend: stored.trend,
      giConfidence: stored.giConfidence,
    });
    expect(f.properties.admin).toEqual(stored.admin);
    expect(f.properties.admin).not.toBe(stored.admin);
    const json = JSON.stringify(snap);
    for (const word of ['riskScore', 'giZ', 'memberTipIds', 'centroid', 'history', 'createdAt', 'updatedAt']) {
      expect(json).not.toContain(word);
    }
    for (const t of tips) {
      expect(json).not.toContain(t.id);
      expect(json).not.toContain(t.receivedAt);
    }
  });

  it('draws the shape on the H3 lattice and covers every tip', () => {
    const [f] = buildPublicSnapshot([stored], { publishedAt: PUBLISHED }).features;
    for (const ring of ringsOf(f.geometry)) for (const v of ring) expect(onH3Lattice(v, 8)).toBe(true);
    expect(cellsOfUnion(f.geometry, 8).size).toBeGreaterThan(0);
    for (const t of tips) expect(booleanPointInPolygon([t.lon, t.lat], f.geometry)).toBe(true);
    expect(f.bbox).toEqual(bboxOf(f.geometry));
  });

  it('leaves out retired hotspots and those under 3 tips, and sorts by id', () => {
    const other = hotspotOf(clump('b', 5, 6.9, 101.1));
    const snap = buildPublicSnapshot(
      [
        { ...stored, id: 'hs-z' },
        { ...stored, id: 'hs-retired', status: 'retired' },
        { ...stored, id: 'hs-two', tipCount: 2 },
        { ...other, id: 'hs-a' },
        { ...stored, id: 'hs-three', tipCount: 3 },
      ],
      { publishedAt: PUBLISHED },
    );
    expect(snap.features.map((f) => f.properties.id)).toEqual(['hs-a', 'hs-three', 'hs-z']);
  });

  it('folds categories under 3 tips into other', () => {
    const cats: TipCategory[] = ['labour_exploitation', 'labour_exploitation', 'labour_exploitation', 'child_labour'];
    const mixed = hotspotOf(clump('c', 4, 6.5, 101.5).map((t, i) => ({ ...t, category: cats[i] })));
    expect(mixed.categories).toEqual({ labour_exploitation: 3, child_labour: 1 });
    const [f] = buildPublicSnapshot([mixed], { publishedAt: PUBLISHED }).features;
    expect(f.properties.categories).toEqual({ labour_exploitation: 3, other: 1 });
  });

  it('rounds a sea note to whole km and keeps Gi* confidence to its classes', () => {
    const atSea = { ...stored, admin: { ...stored.admin, sea: { nearestKm: 12.34 } }, giConfidence: 97.2 };
    const [f] = buildPublicSnapshot([atSea], { publishedAt: PUBLISHED }).features;
    expect(f.properties.admin.sea).toEqual({ nearestKm: 12 });
    expect(f.properties.giConfidence).toBe(95);
    const near = {
      ...stored,
      admin: { sea: { nearestKm: 0.2 } } as Hotspot['admin'],
      giConfidence: 0,
      trend: 'bogus' as Hotspot['trend'],
    };
    const [g] = buildPublicSnapshot([near], { publishedAt: PUBLISHED }).features;
    expect(g.properties.admin).toEqual({ sea: { nearestKm: 1 } });
    expect(g.properties.giConfidence).toBe(0);
    expect(g.properties.trend).toBeUndefined();
  });

  it('can be made coarser, never finer', () => {
    const coarse = buildPublicSnapshot([stored], { publishedAt: PUBLISHED, gridResolution: 7, minTips: 8 });
    expect(coarse.features).toEqual([]);
    expect(coarse.gridKm).toBe(1.41);
    const [f7] = buildPublicSnapshot([stored], { publishedAt: PUBLISHED, gridResolution: 7 }).features;
    for (const ring of ringsOf(f7.geometry)) for (const v of ring) expect(onH3Lattice(v, 7)).toBe(true);
    const opts = { publishedAt: PUBLISHED };
    expect(() => buildPublicSnapshot([stored], { ...opts, gridResolution: 9 })).toThrow(RangeError);
    expect(() => buildPublicSnapshot([stored], { ...opts, gridResolution: 7.5 })).toThrow(RangeError);
    expect(() => buildPublicSnapshot([stored], { ...opts, minTips: 2 })).toThrow(RangeError);
    expect(() => buildPublicSnapshot([stored], { ...opts, minCategoryTips: 1 })).toThrow(RangeError);
    expect(() => buildPublicSnapshot([stored], { publishedAt: 'soon' })).toThrow(RangeError);
  });

  it('normalises publishedAt to UTC and gives an empty collection for no hotspots', () => {
    const snap = buildPublicSnapshot([], { publishedAt: '2026-12-02T12:00:00+07:00' });
    expect(snap).toEqual({ type: 'FeatureCollection', publishedAt: PUBLISHED, gridKm: 0.53, features: [] });
  });
});
