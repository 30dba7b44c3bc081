import { describe, expect, it } from 'vitest';
import { haversineKmRaw } from '../geo/haversine.js';
import { bufferedHull, convexHull } from './geometry.js';

const opts = { bufferKm: 0.3, snapDeg: 0 };

/** Shoelace area in km² of a [lon, lat] ring near latitude 6°. */
function areaKm2(ring: number[][]): number {
  const kx = 111.195 * Math.cos((6 * Math.PI) / 180);
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++)
    a += ring[i][0] * kx * ring[i + 1][1] * 111.195 - ring[i + 1][0] * kx * ring[i][1] * 111.195;
  return a / 2;
}

describe('bufferedHull', () => {
  it('makes a single point a circle of the buffer radius', () => {
    const ring = bufferedHull([6], [101], opts).coordinates[0];
    for (const [lon, lat] of ring) expect(haversineKmRaw(6, 101, lat, lon)).toBeCloseTo(0.3, 2);
    expect(areaKm2(ring)).toBeGreaterThan(0.27); // 16-gon inscribed in a 0.283 km² disc
  });

  it('makes a pair a stadium: counter-clockwise, closed, about 2 r x length + pi r²', () => {
    const ring = bufferedHull([6, 6], [101, 101.01], opts).coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const lengthKm = haversineKmRaw(6, 101, 6, 101.01);
    const expected = 2 * 0.3 * lengthKm + Math.PI * 0.09;
    expect(areaKm2(ring)).toBeGreaterThan(expected * 0.97);
    expect(areaKm2(ring)).toBeLessThan(expected * 1.01);
  });

  it('keeps every point at least the buffer inside the polygon boundary vertices', () => {
    const lats = [6, 6.01, 6.005, 6.002, 6.008];
    const lons = [101, 101, 101.01, 101.004, 101.006];
    const ring = bufferedHull(lats, lons, opts).coordinates[0];
    for (let i = 0; i < lats.length; i++) {
      const nearest = Math.min(...ring.map(([lon, lat]) => haversineKmRaw(lats[i], lons[i], lat, lon)));
      expect(nearest).toBeGreaterThanOrEqual(0.3 * 0.98);
    }
  });
});

describe('convexHull', () => {
  it('drops interior, collinear and repeated points', () => {
    const xs = [0, 2, 2, 0, 1, 1, 2, 0];
    const ys = [0, 0, 2, 2, 1, 0, 2, 0];
    expect(convexHull(xs, ys)).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
  });
});
