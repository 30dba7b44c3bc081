/**
 * The scenario of issue 9: four tips make a public hotspot, then a fifth arrives. Before this
 * module the public feature dated the fifth tip to the millisecond (`lastSeen`), named its
 * category (`categories` up by one) and placed it within ~45 m (a new hull vertex). Here an
 * observer who compares the two snapshots is shown to learn only its day and a grid-sized area.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PublicHotspotCollection } from '../api/wire.js';
import { recomputeHotspots } from '../hotspots/index.js';
import type { ClusterTip, Hotspot } from '../types.js';
import { buildPublicSnapshot } from './build-public-snapshot.js';

/** Sungai Kolok, at the border crossing. */
const LAT = 6.0325;
const LON = 101.9712;
const KM_PER_DEG = 111.195;
const KX = KM_PER_DEG * Math.cos((LAT * Math.PI) / 180);
/** The fifth tip: 14:23:17.123 Bangkok on 1 December 2026, the only child-labour tip. */
const FIFTH_AT = '2026-12-01T07:23:17.123Z';
/** The engine ran, and the snapshot was published, at 23:00 Bangkok that day. */
const NOW = '2026-12-01T16:00:00.000Z';
/** Where the fifth tip may be, km east and north of the first tip: it extends the public shape, or not. */
const EXTENDS = { x: 0.7, y: 0.2 };
const INSIDE = { x: 0.35, y: 0.12 };
/** Candidate places the observer must tell apart: a 50 m lattice over ±0.8 km around the fifth tip. */
const STEP_KM = 0.05;
const SPAN_KM = 0.8;

const four: ClusterTip[] = [
  [0, 0],
  [0.09, 0.03],
  [0.04, 0.1],
  [0.12, 0.11],
].map(([x, y], i) => ({
  id: `tip-${i + 1}`,
  lat: LAT + y / KM_PER_DEG,
  lon: LON + x / KX,
  receivedAt: `2026-12-01T0${i + 1}:0${i}:1${i}.00${i}Z`,
  category: 'labour_exploitation',
}));

function fifthAt(xKm: number, yKm: number, receivedAt = FIFTH_AT): ClusterTip {
  return { id: 'tip-5', lat: LAT + yKm / KM_PER_DEG, lon: LON + xKm / KX, receivedAt, category: 'child_labour' };
}

const first = recomputeHotspots({ tips: four, existing: [], now: NOW }).upserts;
const publish = (hs: Hotspot[]) => buildPublicSnapshot(hs, { publishedAt: NOW });

function withFifth(tip: ClusterTip): { stored: Hotspot[]; snap: PublicHotspotCollection } {
  const stored = recomputeHotspots({ tips: [...four, tip], existing: first, now: NOW }).upserts;
  return { stored, snap: publish(stored) };
}

/** The public feature as the route drew it before this module: stored polygon to 3 decimals. */
function oldShape(g: Polygon | MultiPolygon): string {
  const round = (ring: Position[]) => ring.map(([lon, lat]) => [Number(lon.toFixed(3)), Number(lat.toFixed(3))]);
  return JSON.stringify(g.type === 'Polygon' ? g.coordinates.map(round) : g.coordinates.map((p) => p.map(round)));
}

/**
 * km² of candidate places for the fifth tip that give the observer the same output as the real
 * one: `area` for the snapshot's shape, `oldArea` for the shape the route published before.
 */
function anonymityAreasKm2(real: { x: number; y: number }): { area: number; oldArea: number } {
  const shapes = (x: number, y: number) => {
    const { stored, snap } = withFifth(fifthAt(x, y));
    return [
      JSON.stringify(snap.features[0]?.geometry ?? null),
      stored.length === 1 ? oldShape(stored[0].geometry) : '-',
    ];
  };
  const [seen, oldSeen] = shapes(real.x, real.y);
  let same = 0;
  let oldSame = 0;
  for (let dx = -SPAN_KM; dx <= SPAN_KM + 1e-9; dx += STEP_KM) {
    for (let dy = -SPAN_KM; dy <= SPAN_KM + 1e-9; dy += STEP_KM) {
      const [shape, old] = shapes(real.x + dx, real.y + dy);
      if (shape === seen) same++;
      if (old === oldSeen) oldSame++;
    }
  }
  return { area: same * STEP_KM * STEP_KM, oldArea: oldSame * STEP_KM * STEP_KM };
}

describe('issue 9: four tips, then a fifth', () => {
  const before = publish(first);
  const after = withFifth(fifthAt(EXTENDS.x, EXTENDS.y));

  it('keeps one public hotspot whose count grows from 4 to 5', () => {
    expect(before.features).toHaveLength(1);
    expect(after.snap.features.map((f) => f.id)).toEqual([before.features[0].id]);
    expect(before.features[0].properties.tipCount).toBe(4);
    expect(after.snap.features[0].properties.tipCount).toBe(5);
  });

  it('does not date the fifth tip: lastSeen stays the start of that Bangkok day', () => {
    expect(before.features[0].properties.lastSeen).toBe('2026-11-30T17:00:00.000Z');
    expect(after.snap.features[0].properties.lastSeen).toBe('2026-11-30T17:00:00.000Z');
    expect(JSON.stringify(after.snap)).not.toContain('07:23');
    // Any other time that day gives the very same snapshot.
    for (const at of ['2026-11-30T17:00:00.000Z', '2026-12-01T00:00:00.000Z', '2026-12-01T15:59:59.999Z']) {
      expect(withFifth(fifthAt(EXTENDS.x, EXTENDS.y, at)).snap).toEqual(after.snap);
    }
  });

  it('does not name its category: a lone child-labour tip is folded into other', () => {
    expect(before.features[0].properties.categories).toEqual({ labour_exploitation: 4 });
    expect(after.snap.features[0].properties.categories).toEqual({ labour_exploitation: 4, other: 1 });
  });

  it('does not place it: a tip that extends the shape adds whole cells and hides in 0.1 km² or more', () => {
    expect(after.snap.features[0].geometry).not.toEqual(before.features[0].geometry);
    const { area, oldArea } = anonymityAreasKm2(EXTENDS);
    // 0.1 km² is a disc of ~180 m radius; the 45 m is a disc of 0.006 km².
    expect(area).toBeGreaterThanOrEqual(0.1);
    // The old shape (stored polygon to 3 decimals) narrowed it to one ~110 m snapping square.
    expect(oldArea).toBeLessThan(0.02);
  });

  it('does not place it: a tip that leaves the shape as it was hides in most of the neighbourhood probed', () => {
    const inside = withFifth(fifthAt(INSIDE.x, INSIDE.y)).snap;
    expect(inside.features[0].geometry).toEqual(before.features[0].geometry);
    const { area, oldArea } = anonymityAreasKm2(INSIDE);
    expect(area).toBeGreaterThanOrEqual(1);
    expect(oldArea).toBeLessThan(0.02);
  });

  it('does not place the first four: their public shape stays put when they all move 50 m', () => {
    const shapeOf = (tips: ClusterTip[]) => {
      const [h] = recomputeHotspots({ tips, existing: [], now: NOW }).upserts;
      return [JSON.stringify(publish([h]).features[0].geometry), oldShape(h.geometry)];
    };
    const [shape, old] = shapeOf(four);
    let same = 0;
    let oldSame = 0;
    for (let k = 0; k < 8; k++) {
      const [dx, dy] = [0.05 * Math.cos((k * Math.PI) / 4), 0.05 * Math.sin((k * Math.PI) / 4)];
      const [moved, movedOld] = shapeOf(
        four.map((t) => ({ ...t, lat: t.lat + dy / KM_PER_DEG, lon: t.lon + dx / KX })),
      );
      if (moved === shape) same++;
      if (movedOld === old) oldSame++;
    }
    expect(same).toBeGreaterThanOrEqual(6);
    expect(oldSame).toBeLessThanOrEqual(2);
  });
});
