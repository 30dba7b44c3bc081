import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_SLACK_KM,
  compactShape,
  distanceToShapeKm,
  expandShape,
  shapeContains,
} from '../geocoder/province-shapes.js';
import {
  CODE_FAR,
  CODE_LAND,
  CODE_NEAR,
  buildAreaGrid,
  decodeAreaGrid,
  encodeAreaGrid,
  rowBounds,
  type AreaGrid,
} from './area-grid.js';
import { classifyExact } from './classify-exact.js';
import { ServiceAreaError } from './errors.js';

const box = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const SHAPES = [
  expandShape(compactShape('A', [[box(100, 6, 101, 7), box(100.2, 6.2, 100.4, 6.4)]], 0.002)),
  expandShape(compactShape('B', [[box(101, 6.2, 101.3, 6.5)]], 0.002)),
];
const grid = buildAreaGrid(SHAPES, { reachKm: 31, slackKm: BOUNDARY_SLACK_KM });

const cellsOf = (g: AreaGrid) =>
  Array.from({ length: g.rows * g.cols }, (_, i) => {
    const row = Math.floor(i / g.cols);
    const col = i % g.cols;
    return { i, row, lat: g.south + (row + 0.5) * g.cellDeg, lon: g.west + (col + 0.5) * g.cellDeg };
  });
const centreKm = (lat: number, lon: number) => Math.min(...SHAPES.map((s) => distanceToShapeKm(s, lat, lon)));

describe('area grid', () => {
  it('covers the shapes plus the reach on every side', () => {
    const kmLat = (grid.south + grid.rows * grid.cellDeg - 7) * 110.57;
    expect(kmLat).toBeGreaterThan(31);
    expect((6 - grid.south) * 110.57).toBeGreaterThan(31);
    expect((100 - grid.west) * 110).toBeGreaterThan(31);
    expect(grid.farKm).toBeGreaterThan(31);
  });

  it('codes a centre LAND only inside a shape with no edge near, NEAR only near an edge', () => {
    let land = 0;
    let near = 0;
    for (const c of cellsOf(grid)) {
      const code = grid.codeAt(c.i);
      const km = centreKm(c.lat, c.lon);
      const limit = rowBounds(grid.south, grid.cellDeg, c.row);
      if (code === CODE_LAND) {
        land++;
        expect(SHAPES.some((s) => shapeContains(s, c.lat, c.lon))).toBe(true);
        expect(km).toBeGreaterThan(limit.rKm + BOUNDARY_SLACK_KM);
      } else if (code === CODE_NEAR) {
        near++;
        expect(km).toBeLessThanOrEqual(limit.rho * (limit.rKm + BOUNDARY_SLACK_KM) + 0.01);
      } else if (code === CODE_FAR) {
        expect(km).toBeGreaterThanOrEqual(grid.farKm);
      } else {
        // A distance step: the centre is [code, code + 1) steps from the nearest edge.
        expect(SHAPES.some((s) => shapeContains(s, c.lat, c.lon))).toBe(false);
        expect(Math.floor(km / grid.stepKm)).toBe(code);
      }
    }
    expect(land).toBeGreaterThan(100);
    expect(near).toBeGreaterThan(100);
  });

  it('makes every point of a LAND cell land (corners and centre, brute force)', () => {
    for (const c of cellsOf(grid)) {
      if (grid.codeAt(c.i) !== CODE_LAND) continue;
      const h = grid.cellDeg / 2;
      for (const [dy, dx] of [
        [-h, -h],
        [-h, h],
        [h, -h],
        [h, h],
        [0, 0],
      ]) {
        const p = { lat: c.lat + dy, lon: c.lon + dx };
        expect(classifyExact(SHAPES, p, { bufferKm: 0, slackKm: BOUNDARY_SLACK_KM })).toBe('land');
      }
    }
  });

  it('round-trips through the stored form', () => {
    const stored = JSON.parse(JSON.stringify(encodeAreaGrid(grid)));
    expect(typeof stored.codes).toBe('string');
    const back = decodeAreaGrid(stored);
    const { codeAt: _a, ...fields } = grid;
    const { codeAt: _b, ...backFields } = back;
    expect(backFields).toEqual(fields);
    for (let i = 0; i < grid.rows * grid.cols; i++) expect(back.codeAt(i)).toBe(grid.codeAt(i));
  });

  it('refuses a malformed stored grid with the command that rebuilds it', () => {
    const stored = encodeAreaGrid(grid);
    expect(() => decodeAreaGrid({ ...stored, codes: stored.codes.slice(4) })).toThrow(/npm run gazetteer/);
    expect(() => decodeAreaGrid({ ...stored, cols: Number.NaN })).toThrow(ServiceAreaError);
  });

  it('refuses open rings, polar areas, huge areas and nonsense options, saying what to do', () => {
    const open = { ...SHAPES[1], rings: [SHAPES[1].rings[0].slice(0, -2)] };
    expect(() => buildAreaGrid([open], { reachKm: 31, slackKm: 0.25 })).toThrow(/repeat the first position/);
    const polar = expandShape(compactShape('P', [[box(10, 79.9, 11, 80.5)]], 0.002));
    expect(() => buildAreaGrid([polar], { reachKm: 31, slackKm: 0.25 })).toThrow(/within 80 degrees of the equator/);
    const huge = expandShape(compactShape('H', [[box(-170, -60, 170, 60)]], 0.002));
    expect(() => buildAreaGrid([huge], { reachKm: 31, slackKm: 0.25 })).toThrow(/split it into smaller areas/);
    expect(() => buildAreaGrid(SHAPES, { reachKm: 0, slackKm: 0.25 })).toThrow(ServiceAreaError);
    expect(() => buildAreaGrid([], { reachKm: 31, slackKm: 0.25 })).toThrow(/at least one Polygon/);
  });
});
