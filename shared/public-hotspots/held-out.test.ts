/**
 * Held-out cases: written before the implementation and before the grid resolution was tuned,
 * and not changed afterwards, so they check the spec (issue 9) rather than the code as built.
 * The lattice check is written here again on purpose, independently of the other test files.
 */
import { booleanPointInPolygon, distance, point } from '@turf/turf';
import { cellToBoundary, gridDisk, latLngToCell } from 'h3-js';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { recomputeHotspots } from '../hotspots/index.js';
import type { ClusterTip, Hotspot, TipCategory } from '../types.js';
import { buildPublicSnapshot, checkZone } from './index.js';

const NOW = '2026-12-02T05:00:00.000Z';
const PUBLISHED = '2026-12-02T05:00:00.000Z';
const DAY = 86_400_000;

function tip(id: string, lat: number, lon: number, extra: Partial<ClusterTip> = {}): ClusterTip {
  return {
    id,
    lat,
    lon,
    receivedAt: '2026-12-01T03:04:05.678Z',
    category: 'labour_exploitation' as TipCategory,
    ...extra,
  };
}

/** A deterministic spread of `n` tips in a square of `sideKm` around (lat, lon). */
function spread(prefix: string, n: number, lat: number, lon: number, sideKm: number): ClusterTip[] {
  const k = Math.ceil(Math.sqrt(n));
  const step = sideKm / 111.2 / Math.max(1, k - 1);
  return Array.from({ length: n }, (_, i) =>
    tip(`${prefix}${String(i).padStart(3, '0')}`, lat + Math.floor(i / k) * step, lon + (i % k) * step),
  );
}

function build(tips: ClusterTip[], existing: Hotspot[] = [], now = NOW): Hotspot[] {
  return recomputeHotspots({ tips, existing, now }).upserts;
}

function rings(g: Polygon | MultiPolygon): number[][][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Whether [lon, lat] is (to 1e-5 degrees) a vertex of some H3 cell at `res`. */
function onLattice([lon, lat]: number[], res: number): boolean {
  for (const cell of gridDisk(latLngToCell(lat, lon, res), 1)) {
    for (const [vlat, vlon] of cellToBoundary(cell)) {
      if (Math.abs(vlat - lat) <= 1.5e-5 && Math.abs(vlon - lon) <= 1.5e-5) return true;
    }
  }
  return false;
}

describe('held-out cases', () => {
  it('far north (Chiang Rai, 20°N): every public vertex is on the lattice', () => {
    const snap = buildPublicSnapshot(build(spread('n', 8, 20.05, 99.88, 0.6)), { publishedAt: PUBLISHED });
    expect(snap.features).toHaveLength(1);
    for (const ring of rings(snap.features[0].geometry)) {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const v of ring) expect(onLattice(v, 8)).toBe(true);
    }
  });

  it('a large hotspot (64 tips over ~3 km) stays one lattice shape covering every tip', () => {
    const tips = spread('L', 64, 6.2, 101.9, 3);
    const [h] = build(tips);
    expect(h.tipCount).toBe(64);
    const [f] = buildPublicSnapshot([h], { publishedAt: PUBLISHED }).features;
    for (const t of tips) expect(booleanPointInPolygon(point([t.lon, t.lat]), f.geometry)).toBe(true);
    for (const ring of rings(f.geometry)) for (const v of ring) expect(onLattice(v, 8)).toBe(true);
  });

  it('a stored MultiPolygon and a degenerate polygon still give a non-empty lattice shape', () => {
    const [h] = build(spread('m', 6, 6.6, 101.3, 0.4));
    const a = h.geometry as Polygon;
    const shifted = a.coordinates.map((r) => r.map(([lon, lat]) => [lon + 0.2, lat]));
    const multi: Hotspot = {
      ...h,
      id: 'hs-multi',
      geometry: { type: 'MultiPolygon', coordinates: [a.coordinates, shifted] },
    };
    const dot: Hotspot = {
      ...h,
      id: 'hs-dot',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [101.3, 6.6],
            [101.3, 6.6],
            [101.3, 6.6],
            [101.3, 6.6],
          ],
        ],
      },
    };
    const snap = buildPublicSnapshot([multi, dot], { publishedAt: PUBLISHED });
    expect(snap.features.map((f) => f.id)).toEqual(['hs-dot', 'hs-multi']);
    const [fDot, fMulti] = snap.features;
    expect(fMulti.geometry.type).toBe('MultiPolygon');
    expect(booleanPointInPolygon(point([101.3, 6.6]), fDot.geometry)).toBe(true);
    for (const f of snap.features)
      for (const ring of rings(f.geometry)) for (const v of ring) expect(onLattice(v, 8)).toBe(true);
  });

  it('rounds times on the Bangkok day boundary exactly', () => {
    const base = spread('d', 5, 6.4, 101.5, 0.3);
    base[0].receivedAt = '2026-11-30T17:00:00.000Z'; // 00:00 Bangkok, 1 Dec
    base[1].receivedAt = '2026-12-01T16:59:59.999Z'; // 23:59:59.999 Bangkok, 1 Dec
    for (const t of base.slice(2)) t.receivedAt = '2026-12-01T01:00:00.000Z';
    const [f] = buildPublicSnapshot(build(base), { publishedAt: PUBLISHED }).features;
    expect(f.properties.firstSeen).toBe('2026-11-30T17:00:00.000Z');
    expect(f.properties.lastSeen).toBe('2026-11-30T17:00:00.000Z');
  });

  it('adding a tip 20 m from an existing one (inside the hull) changes no public vertex', () => {
    const tips = spread('s', 9, 6.3, 101.4, 0.5);
    const before = build(tips);
    const extra = tip('s999', tips[4].lat + 0.00018, tips[4].lon, { receivedAt: '2026-12-01T09:00:00.000Z' });
    const after = build([...tips, extra], before);
    const a = buildPublicSnapshot(before, { publishedAt: PUBLISHED }).features[0];
    const b = buildPublicSnapshot(after, { publishedAt: PUBLISHED }).features[0];
    expect(b.id).toBe(a.id);
    expect(b.properties.tipCount).toBe(10);
    expect(b.geometry).toEqual(a.geometry);
    expect(b.properties.lastSeen).toBe(a.properties.lastSeen);
  });

  it('is deterministic whatever the input order', () => {
    const hs = [...build(spread('p', 6, 6.1, 101.1, 0.4)), ...build(spread('q', 6, 6.5, 101.6, 0.4))];
    const one = buildPublicSnapshot(hs, { publishedAt: PUBLISHED });
    const two = buildPublicSnapshot([...hs].reverse(), { publishedAt: PUBLISHED });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('folds a hotspot whose every category has under 3 tips into other alone', () => {
    const cats: TipCategory[] = [
      'child_labour',
      'child_labour',
      'forced_begging',
      'debt_bondage',
      'forced_fishing',
      'forced_fishing',
    ];
    const tips = spread('c', 6, 6.7, 101.2, 0.3).map((t, i) => ({ ...t, category: cats[i] }));
    const [f] = buildPublicSnapshot(build(tips), { publishedAt: PUBLISHED }).features;
    expect(f.properties.categories).toEqual({ other: 6 });
  });

  it('checkZone: a public vertex counts as inside, a far point gets its great-circle distance', () => {
    const snap = buildPublicSnapshot(build(spread('z', 6, 6.45, 101.75, 0.4)), { publishedAt: PUBLISHED });
    const v = rings(snap.features[0].geometry)[0][0];
    expect(checkZone(snap, { lat: v[1], lon: v[0] })).toMatchObject({ inRiskZone: true, nearestHotspotKm: 0 });
    const far = { lat: 6.45 + 0.45, lon: 101.75 }; // ~50 km north
    const r = checkZone(snap, far);
    expect(r.inRiskZone).toBe(false);
    const toCentre = distance(point([101.75, 6.45]), point([far.lon, far.lat]), { units: 'kilometers' });
    expect(r.nearestHotspotKm).toBeGreaterThan(toCentre - 4);
    expect(r.nearestHotspotKm).toBeLessThan(toCentre);
  });

  it('checkZone over 300 hotspots answers like a plain scan of every feature', () => {
    const hs: Hotspot[] = [];
    for (let i = 0; i < 300; i++) {
      const lat = 5.8 + (i % 20) * 0.07;
      const lon = 100.4 + Math.floor(i / 20) * 0.1;
      hs.push(...build(spread(`g${i}-`, 5, lat, lon, 0.3)));
    }
    const snap = buildPublicSnapshot(hs, { publishedAt: PUBLISHED });
    expect(snap.features.length).toBe(300);
    for (let k = 0; k < 60; k++) {
      const q = { lat: 5.75 + ((k * 37) % 100) * 0.015, lon: 100.35 + ((k * 53) % 100) * 0.016 };
      const got = checkZone(snap, q);
      const inside = snap.features.filter((f) => booleanPointInPolygon(point([q.lon, q.lat]), f.geometry));
      expect(got.inRiskZone).toBe(inside.length > 0);
      if (!got.inRiskZone) {
        const brute = Math.min(
          ...snap.features.flatMap((f) =>
            rings(f.geometry).flatMap((r) =>
              r.map((c) => distance(point(c), point([q.lon, q.lat]), { units: 'kilometers' })),
            ),
          ),
        );
        // The nearest edge is never farther than the nearest vertex.
        expect(got.nearestHotspotKm).toBeLessThanOrEqual(Math.round(brute * 100) / 100 + 0.01);
        expect(got.nearestHotspotKm).toBeGreaterThan(0);
      }
    }
  });

  it('a retired hotspot and one of 2 tips never appear; times are day starts', () => {
    const [h] = build(spread('r', 6, 6.2, 101.2, 0.3));
    const snap = buildPublicSnapshot(
      [{ ...h, id: 'hs-retired', status: 'retired' }, { ...h, id: 'hs-two', tipCount: 2 }, h],
      { publishedAt: PUBLISHED },
    );
    expect(snap.features.map((f) => f.id)).toEqual([h.id]);
    for (const t of [snap.features[0].properties.firstSeen, snap.features[0].properties.lastSeen]) {
      expect((Date.parse(t) + 7 * 3_600_000) % DAY).toBe(0);
    }
  });
});
