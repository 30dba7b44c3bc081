import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_SLACK_KM, compactShape, expandShape, type ProvinceShape } from '../geocoder/province-shapes.js';
import { buildAreaGrid } from './area-grid.js';
import { classifyExact } from './classify-exact.js';
import { ServiceAreaError } from './errors.js';
import { createServiceArea, DEFAULT_BUFFER_KM, type AreaClass, type ServiceArea } from './service-area.js';

const ring = (...pts: Array<[number, number]>) => [...pts, pts[0]];
const box = (x0: number, y0: number, x1: number, y1: number) => ring([x0, y0], [x1, y0], [x1, y1], [x0, y1]);

/**
 * A small synthetic coast at Thai latitudes: a mainland province with a bay, a lake (hole)
 * and a jagged shore, a neighbour sharing its east border, and an island offshore.
 */
const SHAPES: ProvinceShape[] = [
  expandShape(
    compactShape(
      'A',
      [
        [
          ring([100, 6], [101, 6], [101, 7], [100.62, 7], [100.5, 6.8], [100.38, 7], [100, 7], [100.03, 6.5]),
          box(100.2, 6.2, 100.35, 6.35),
        ],
      ],
      0.002,
    ),
  ),
  expandShape(compactShape('B', [[box(101, 6, 101.5, 6.6)]], 0.002)),
  expandShape(compactShape('C', [[ring([101.3, 6.9], [101.35, 6.9], [101.32, 6.95])]], 0.002)),
  // A jagged shore: edges in every direction, at no grid line.
  expandShape(
    compactShape(
      'D',
      [
        [
          ring(
            [99.3, 6.01],
            ...Array.from({ length: 77 }, (_, i): [number, number] => [
              99.6 + 0.03 * Math.sin(i * 1.7) + 0.01 * Math.cos(i * 5.3),
              6.01 + i * 0.013,
            ]),
            [99.3, 6.998],
          ),
        ],
      ],
      0.002,
    ),
  ),
];

function areaOf(bufferKm: number, shapes = SHAPES): ServiceArea {
  const grid = buildAreaGrid(shapes, { reachKm: bufferKm + 1, slackKm: BOUNDARY_SLACK_KM });
  return createServiceArea(
    { codes: shapes.map((s) => s.code), bbox: (i) => shapes[i].bbox, shape: (i) => shapes[i] },
    grid,
    bufferKm,
  );
}

const exact = (lat: number, lon: number, bufferKm: number): AreaClass =>
  classifyExact(SHAPES, { lat, lon }, { bufferKm, slackKm: BOUNDARY_SLACK_KM });

/** km per degree of longitude at 6.5 N in the equirectangular metric. */
const KX = 111.32 * Math.cos((6.5 * Math.PI) / 180);

describe('ServiceArea on a synthetic coast', () => {
  const area = areaOf(DEFAULT_BUFFER_KM);

  it('classifies land, the slack, the buffer and beyond', () => {
    expect(area.classify({ lat: 6.5, lon: 100.5 })).toBe('land');
    expect(area.classify({ lat: 6.3, lon: 101.25 })).toBe('land'); // the neighbour
    expect(area.classify({ lat: 6.3, lon: 101.5 + 0.2 / KX })).toBe('land'); // 0.2 km off the east shore
    expect(area.classify({ lat: 6.3, lon: 101.5 + 0.3 / KX })).toBe('buffer'); // 0.3 km off
    expect(area.classify({ lat: 6.3, lon: 101.5 + 29.9 / KX })).toBe('buffer');
    expect(area.classify({ lat: 6.3, lon: 101.5 + 30.1 / KX })).toBe('outside');
    expect(area.classify({ lat: 6.92, lon: 101.32 })).toBe('land'); // the island
    expect(area.classify({ lat: 6.85, lon: 100.5 })).toBe('buffer'); // in the bay
  });

  it('treats a lake (a hole in the province) as not land, but within the buffer', () => {
    expect(area.classify({ lat: 6.275, lon: 100.275 })).toBe('buffer');
    expect(exact(6.275, 100.275, 30)).toBe('buffer');
  });

  it('answers far points, poles and the antimeridian as outside', () => {
    for (const p of [
      { lat: 90, lon: 0 },
      { lat: -90, lon: 180 },
      { lat: 0, lon: 0 },
      { lat: 6.5, lon: -180 },
      { lat: 6.5, lon: 103 },
    ]) {
      expect(area.classify(p)).toBe('outside');
      expect(area.contains(p)).toBe(false);
    }
    expect(area.contains({ lat: 6.5, lon: 100.5 })).toBe(true);
    expect(area.contains({ lat: 6.85, lon: 100.5 })).toBe(true);
  });

  it('grows and shrinks with the buffer', () => {
    const at = { lat: 6.3, lon: 101.5 + 40 / KX };
    expect(areaOf(30).classify(at)).toBe('outside');
    expect(areaOf(50).classify(at)).toBe('buffer');
    expect(areaOf(0).classify({ lat: 6.3, lon: 101.5 + 0.3 / KX })).toBe('outside');
    expect(areaOf(0).classify({ lat: 6.3, lon: 101.5 + 0.2 / KX })).toBe('land');
  });

  // The grid may only ever save time: on any point it answers what the brute force does.
  for (const bufferKm of [0, 0.3, 5, 12, 30, 100]) {
    it(`matches the brute-force classification everywhere (buffer ${bufferKm} km)`, () => {
      const a = areaOf(bufferKm);
      const verts = SHAPES.flatMap((s) =>
        s.rings.flatMap((r) => Array.from({ length: r.length / 2 }, (_, i) => i * 2).map((i) => [r[i + 1], r[i]])),
      );
      const reach = (bufferKm + 5) / 100;
      const point = fc.oneof(
        // anywhere around the area
        fc.record({
          lat: fc.double({ min: 5.8 - reach, max: 7.2 + reach, noNaN: true }),
          lon: fc.double({ min: 99.2 - reach, max: 101.7 + reach, noNaN: true }),
        }),
        // near a vertex: the slack, crossings, shared borders
        fc
          .tuple(
            fc.constantFrom(...verts),
            fc.double({ min: -0.01, max: 0.01, noNaN: true }),
            fc.double({ min: -0.01, max: 0.01, noNaN: true }),
          )
          .map(([[lat, lon], dy, dx]) => ({ lat: lat + dy, lon: lon + dx })),
        // near the buffer's edge
        fc
          .tuple(
            fc.constantFrom(...verts),
            fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
            fc.double({ min: -1, max: 1, noNaN: true }),
          )
          .map(([[lat, lon], t, dk]) => ({
            lat: lat + (Math.sin(t) * (bufferKm + dk)) / 110.57,
            lon: lon + (Math.cos(t) * (bufferKm + dk)) / KX,
          })),
        // exactly on vertices and on cell corners
        fc.constantFrom(...verts).map(([lat, lon]) => ({ lat, lon })),
        fc
          .tuple(fc.integer({ min: -40, max: 80 }), fc.integer({ min: -40, max: 80 }))
          .map(([i, j]) => ({ lat: 5.6 + i * 0.05, lon: 99 + j * 0.05 })),
      );
      fc.assert(
        fc.property(point, ({ lat, lon }) => {
          expect(a.classify({ lat, lon })).toBe(exact(lat, lon, bufferKm));
        }),
        { numRuns: 3000 },
      );
    });
  }
});

describe('ServiceArea input checks', () => {
  const grid = buildAreaGrid(SHAPES, { reachKm: 31, slackKm: BOUNDARY_SLACK_KM });
  const shapes = {
    codes: SHAPES.map((s) => s.code),
    bbox: (i: number) => SHAPES[i].bbox,
    shape: (i: number) => SHAPES[i],
  };

  it('refuses a buffer that is not a number of km in [0, 100], saying how to fix it', () => {
    for (const bad of [-1, 101, Number.NaN, Infinity, '30' as unknown as number]) {
      expect(() => createServiceArea(shapes, grid, bad)).toThrow(ServiceAreaError);
    }
    expect(() => createServiceArea(shapes, grid, -1)).toThrow(/bufferKm must be a number of km from 0 to 100/);
  });

  it('refuses a buffer beyond the grid', () => {
    expect(() => createServiceArea(shapes, grid, 40)).toThrow(/build the grid with reachKm > bufferKm/);
  });

  it('refuses points that are not on the globe', () => {
    const area = createServiceArea(shapes, grid, 30);
    for (const bad of [
      { lat: Number.NaN, lon: 100 },
      { lat: 91, lon: 100 },
      { lat: 6, lon: 181 },
      {} as { lat: number; lon: number },
    ]) {
      expect(() => area.classify(bad)).toThrow(ServiceAreaError);
    }
    expect(() => area.classify({ lat: 6, lon: Number.NaN })).toThrow(/validate the point first/);
  });
});
