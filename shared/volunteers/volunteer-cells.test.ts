import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm } from '../geo/haversine.js';
import type { LatLon } from '../types.js';
import { CELL_LEVELS, MAX_RADIUS_KM, cellLevelFor, circleContains, coverCells, queryCells } from './volunteer-cells.js';
import { InvalidCoverageError } from './errors.js';

/** The point at `distanceKm` from `from` along `bearingDeg` (spherical). */
function destination(from: LatLon, distanceKm: number, bearingDeg: number): LatLon {
  const d = distanceKm / EARTH_RADIUS_KM;
  const b = (bearingDeg * Math.PI) / 180;
  const lat1 = (from.lat * Math.PI) / 180;
  const lon1 = (from.lon * Math.PI) / 180;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lon2 =
    lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: (lat2 * 180) / Math.PI, lon: (lon2 * 180) / Math.PI };
}

/** Thailand and its neighbours, with the southern border provinces well inside. */
const placeArb = fc.record({
  lat: fc.double({ min: 5, max: 21, noNaN: true }),
  lon: fc.double({ min: 97, max: 106, noNaN: true }),
});
const radiusArb = fc.oneof(
  fc.double({ min: 0.05, max: 10, noNaN: true }),
  fc.double({ min: 9.9, max: MAX_RADIUS_KM, noNaN: true }),
  fc.constantFrom(0.5, ...CELL_LEVELS.map((l) => l.maxRadiusKm)),
);

function found(centre: LatLon, radiusKm: number, point: LatLon): boolean {
  const stored = new Set(coverCells(centre, radiusKm));
  return queryCells(point).some((cell) => stored.has(cell));
}

describe('coverCells / queryCells', () => {
  it('never misses a volunteer whose circle contains the point', () => {
    fc.assert(
      fc.property(
        placeArb,
        radiusArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        (centre, radiusKm, fraction, bearing) => {
          const point = destination(centre, radiusKm * fraction, bearing);
          fc.pre(haversineKm(centre, point) <= radiusKm);
          expect(found(centre, radiusKm, point)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds points exactly on the rim, in every direction', () => {
    fc.assert(
      fc.property(placeArb, radiusArb, fc.double({ min: 0, max: 360, noNaN: true }), (centre, radiusKm, bearing) => {
        const point = destination(centre, radiusKm * 0.999999, bearing);
        expect(found(centre, radiusKm, point)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('stores each circle at one level and keeps the item count small', () => {
    const bangNak = { lat: 6.4255, lon: 101.8231 };
    const levelOf = (cells: string[]) => new Set(cells.map((c) => c[0]));
    expect(levelOf(coverCells(bangNak, 1))).toEqual(new Set(['a']));
    expect(levelOf(coverCells(bangNak, 2))).toEqual(new Set(['b']));
    expect(levelOf(coverCells(bangNak, 30))).toEqual(new Set(['f']));
    for (const radiusKm of [0.2, 1.5, 3, 6, 12, 24, 50])
      expect(coverCells(bangNak, radiusKm).length).toBeLessThanOrEqual(40);
    expect(coverCells(bangNak, 0.2).length).toBeLessThanOrEqual(4);
  });

  it('keeps every circle in and around Thailand within one transaction, also when it moves (<= 100 actions)', () => {
    fc.assert(
      fc.property(placeArb, radiusArb, (centre, radiusKm) => {
        expect(1 + 2 * coverCells(centre, radiusKm).length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 500 },
    );
  });

  it('drops the corner cells of the bounding box that the circle does not touch', () => {
    const centre = { lat: 6.4255, lon: 101.8231 };
    const cells = coverCells(centre, 12);
    // A 12 km circle at 4.9 km cells spans a 6 x 6 box or more; the corners are outside.
    expect(cells.length).toBeLessThan(36);
    expect(cells.length).toBeGreaterThanOrEqual(20);
  });

  it('queries one cell per level, the one holding the point', () => {
    const cells = queryCells({ lat: 6.0297, lon: 101.9668 });
    expect(cells.map((c) => c[0])).toEqual(CELL_LEVELS.map((l) => l.prefix));
    expect(coverCells({ lat: 6.0297, lon: 101.9668 }, 0.01)).toEqual([cells[0]]);
  });

  it('wraps around the antimeridian', () => {
    const east = coverCells({ lat: 0, lon: 179.999 }, 1);
    const west = queryCells({ lat: 0, lon: -179.999 });
    expect(east).toContain(west[0]);
  });

  it('rejects radii and places it cannot cover', () => {
    expect(() => cellLevelFor(0)).toThrow(InvalidCoverageError);
    expect(() => cellLevelFor(Number.NaN)).toThrow(InvalidCoverageError);
    expect(() => coverCells({ lat: 6, lon: 101 }, MAX_RADIUS_KM + 1)).toThrow(/limited to 50 km/);
    expect(() => coverCells({ lat: 95, lon: 101 }, 5)).toThrow(InvalidCoverageError);
  });

  it('checks the exact distance after the cell filter', () => {
    const volunteer = { lat: 6.4255, lon: 101.8231, radiusKm: 5 };
    expect(circleContains(volunteer, { lat: 6.4255 + 0.04, lon: 101.8231 })).toBe(true);
    expect(circleContains(volunteer, { lat: 6.4255 + 0.05, lon: 101.8231 })).toBe(false);
  });
});
