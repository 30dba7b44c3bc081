import { describe, expect, it } from 'vitest';
import { compactShape, expandShape, shapeCentroid, shapeContains, simplifyRing } from './province-shapes.js';

const square = [
  [100, 6],
  [102, 6],
  [102, 8],
  [100, 8],
  [100, 6],
];
const hole = [
  [100.5, 6.5],
  [100.5, 7.5],
  [101.5, 7.5],
  [101.5, 6.5],
  [100.5, 6.5],
];

describe('province shapes', () => {
  it('simplifies collinear points away but keeps the corners', () => {
    const ring = [
      [0, 0],
      [1, 0.00001],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(simplifyRing(ring, 0.001)).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ]);
  });

  it('round-trips coordinates through the quantised encoding within 1e-4 degrees', () => {
    const s = expandShape(compactShape('96', [[square]], 0.001));
    expect(s.rings[0][2]).toBeCloseTo(102, 4);
    expect(s.rings[0][5]).toBeCloseTo(8, 4);
  });

  it('tests point-in-polygon with holes (even-odd)', () => {
    const s = expandShape(compactShape('96', [[square, hole]], 0.001));
    expect(shapeContains(s, 6.2, 100.2)).toBe(true);
    expect(shapeContains(s, 7, 101)).toBe(false);
    expect(shapeContains(s, 9, 101)).toBe(false);
  });

  it('finds the centroid of a square', () => {
    const c = shapeCentroid(expandShape(compactShape('96', [[square]], 0.001)));
    expect(c.lat).toBeCloseTo(7, 6);
    expect(c.lon).toBeCloseTo(101, 6);
  });
});
