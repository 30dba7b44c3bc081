import { booleanPointInPolygon, distance, pointToPolygonDistance } from '@turf/turf';
import fc from 'fast-check';
import type { BBox } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PublicHotspotCollection, PublicHotspotFeature } from '../api/wire.js';
import { recomputeHotspots } from '../hotspots/index.js';
import { compareRisk } from '../risk-level.js';
import type { ClusterTip, Hotspot, RiskLevel } from '../types.js';
import { buildPublicSnapshot } from './build-public-snapshot.js';
import { boxLowerBoundKm, checkZone } from './check-zone.js';

const NOW = '2026-12-02T05:00:00.000Z';

function hotspotAt(prefix: string, lat: number, lon: number): Hotspot {
  const tips: ClusterTip[] = Array.from({ length: 5 }, (_, i) => ({
    id: `${prefix}${i}`,
    lat: lat + (i % 3) * 0.0009,
    lon: lon + Math.floor(i / 3) * 0.0009,
    receivedAt: '2026-12-01T03:00:00.000Z',
    category: 'labour_exploitation',
  }));
  const [h] = recomputeHotspots({ tips, existing: [], now: NOW }).upserts;
  return h;
}

const snapshotOf = (hs: Hotspot[]) => buildPublicSnapshot(hs, { publishedAt: NOW });

/** The plain answer: every feature tested exactly, no boxes, no pruning. */
function bruteForce(snap: PublicHotspotCollection, lat: number, lon: number) {
  let inside: PublicHotspotFeature | undefined;
  let best = Infinity;
  for (const f of snap.features) {
    if (booleanPointInPolygon([lon, lat], f.geometry)) {
      const r = inside ? compareRisk(f.properties.riskLevel, inside.properties.riskLevel) : 1;
      if (r > 0 || (r === 0 && f.properties.id < inside!.properties.id)) inside = f;
    }
    best = Math.min(best, Math.abs(pointToPolygonDistance([lon, lat], f.geometry, { units: 'kilometers' })));
  }
  return {
    inRiskZone: Boolean(inside),
    riskLevel: inside?.properties.riskLevel ?? null,
    ...(inside ? { hotspotId: inside.properties.id } : {}),
    nearestHotspotKm: snap.features.length === 0 ? null : inside ? 0 : Math.round(best * 100) / 100,
  };
}

describe('checkZone', () => {
  const a = hotspotAt('a', 6.425, 101.82);
  const b = hotspotAt('b', 6.6, 101.6);

  it('answers inside a zone with its id and level, and 0 km', () => {
    const snap = snapshotOf([a, b]);
    expect(checkZone(snap, { lat: 6.4259, lon: 101.8205 })).toEqual({
      inRiskZone: true,
      riskLevel: a.riskLevel,
      hotspotId: a.id,
      nearestHotspotKm: 0,
    });
  });

  it('answers outside with the distance to the nearest edge, to 0.01 km', () => {
    const snap = snapshotOf([a, b]);
    const q = { lat: 6.47, lon: 101.82 }; // ~5 km north of a, ~25 km from b
    const r = checkZone(snap, q);
    const expected = Math.abs(
      pointToPolygonDistance([q.lon, q.lat], snap.features.find((f) => f.id === a.id)!.geometry),
    );
    expect(r).toEqual({ inRiskZone: false, riskLevel: null, nearestHotspotKm: Math.round(expected * 100) / 100 });
    expect(r.nearestHotspotKm).toBeGreaterThan(3);
    expect(r.nearestHotspotKm).toBeLessThan(5.2);
  });

  it('lets the riskiest of overlapping zones win, the smaller id on a tie', () => {
    const levels: Array<[string, RiskLevel]> = [
      ['hs-1', 'medium'],
      ['hs-2', 'critical'],
      ['hs-3', 'critical'],
      ['hs-4', 'low'],
    ];
    const snap = snapshotOf(levels.map(([id, riskLevel]) => ({ ...a, id, riskLevel })));
    expect(checkZone(snap, { lat: 6.4259, lon: 101.8205 })).toMatchObject({ riskLevel: 'critical', hotspotId: 'hs-2' });
  });

  it('answers null distance for an empty snapshot and rejects points that are not WGS84', () => {
    expect(checkZone(snapshotOf([]), { lat: 6.4, lon: 101.8 })).toEqual({
      inRiskZone: false,
      riskLevel: null,
      nearestHotspotKm: null,
    });
    expect(() => checkZone(snapshotOf([a]), { lat: 91, lon: 101 })).toThrow(RangeError);
    expect(() => checkZone(snapshotOf([a]), { lat: 6, lon: Number.NaN })).toThrow(RangeError);
  });

  it('gives the same answers for a snapshot whose features lost their bbox (e.g. re-encoded)', () => {
    const snap = snapshotOf([a, b]);
    const bare: PublicHotspotCollection = { ...snap, features: snap.features.map(({ bbox: _bbox, ...f }) => f) };
    for (const q of [
      { lat: 6.4259, lon: 101.8205 },
      { lat: 6.5, lon: 101.7 },
      { lat: 6.61, lon: 101.61 },
    ]) {
      expect(checkZone(bare, q)).toEqual(checkZone(snap, q));
    }
  });

  it('agrees with a plain scan of every feature over many hotspots (property)', () => {
    const hs: Hotspot[] = [];
    for (let i = 0; i < 60; i++) hs.push(hotspotAt(`g${i}-`, 6.0 + (i % 8) * 0.021, 101.0 + Math.floor(i / 8) * 0.023));
    const levels: RiskLevel[] = ['low', 'medium', 'high', 'critical'];
    const snap = snapshotOf(hs.map((h, i) => ({ ...h, riskLevel: levels[(i * 7) % 4] })));
    fc.assert(
      fc.property(
        fc.double({ min: 5.95, max: 6.2, noNaN: true }),
        fc.double({ min: 100.95, max: 101.2, noNaN: true }),
        (lat, lon) => {
          expect(checkZone(snap, { lat, lon })).toEqual(bruteForce(snap, lat, lon));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('boxLowerBoundKm', () => {
  it('is 0 inside the box and never more than the distance to a point in the box (property)', () => {
    expect(boxLowerBoundKm([101, 6, 102, 7], 6.5, 101.5)).toBe(0);
    const box = fc
      .tuple(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
      )
      .map(([lat, lon, h, w]): BBox => [lon, lat, lon + w, lat + h]);
    fc.assert(
      fc.property(
        box,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -70, max: 70, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        ([minLon, minLat, maxLon, maxLat], u, v, lat, lon) => {
          const inBox = [minLon + u * (maxLon - minLon), minLat + v * (maxLat - minLat)];
          const d = distance([lon, lat], inBox, { units: 'kilometers' });
          // Turf's haversine (atan2) and ours (asin) round apart by a few µm near antipodes
          // (found: 2.9e-9 km at 20,013 km), so the slack is relative as well as absolute.
          expect(boxLowerBoundKm([minLon, minLat, maxLon, maxLat], lat, lon)).toBeLessThanOrEqual(
            d * (1 + 1e-12) + 1e-9,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is close to the true gap for a box due north', () => {
    const bound = boxLowerBoundKm([101, 7, 101.01, 7.01], 6.9, 101.005);
    expect(bound).toBeGreaterThan(11.1);
    expect(bound).toBeLessThan(11.2);
  });
});
