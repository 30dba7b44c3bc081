import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRID_RESOLUTION, gridCells, gridEdgeKm, gridOutline, outlineOfCells } from './grid-outline.js';
import { cellsOfUnion, onH3Lattice, ringsOf } from './test-support/h3-lattice.js';

const RES = DEFAULT_GRID_RESOLUTION;

/** A closed square ring of half-side `d` degrees around (lat, lon). */
function square(lat: number, lon: number, d: number): Polygon {
  const ring: Position[] = [
    [lon - d, lat - d],
    [lon + d, lat - d],
    [lon + d, lat + d],
    [lon - d, lat + d],
    [lon - d, lat - d],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

function signedArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

describe('gridCells and gridOutline', () => {
  it('draws a polygon smaller than a cell as the hexagon of that cell', () => {
    const [lat, lon] = cellToLatLng(latLngToCell(6.43, 101.82, RES));
    const cell = latLngToCell(lat, lon, RES);
    expect(gridCells(square(lat, lon, 0.0005), RES)).toEqual([cell]);
    const g = gridOutline(square(lat, lon, 0.0005)) as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(1);
    expect(g.coordinates[0]).toHaveLength(7);
    expect(g.coordinates[0][0]).toEqual(g.coordinates[0][6]);
    for (const v of g.coordinates[0]) expect(onH3Lattice(v, RES)).toBe(true);
    expect([...cellsOfUnion(g, RES)]).toEqual([cell]);
  });

  it('covers the whole stored polygon with whole cells', () => {
    const stored = square(6.2, 101.5, 0.006);
    const g = gridOutline(stored)!;
    cellsOfUnion(g, RES); // throws if a cell is only partly inside
    for (const v of stored.coordinates[0]) expect(booleanPointInPolygon(v, g)).toBe(true);
    // Each overlapping cell, and no more: ~1.3 km square over ~0.74 km² cells is a handful of cells.
    const n = gridCells(stored, RES).length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(12);
  });

  it('never loses a degenerate polygon: a point-like ring still gets its cell', () => {
    const dot: Polygon = { type: 'Polygon', coordinates: [Array.from({ length: 4 }, () => [101.3, 6.6])] };
    expect(gridCells(dot, RES)).toEqual([latLngToCell(6.6, 101.3, RES)]);
    const g = gridOutline(dot)!;
    expect(booleanPointInPolygon([101.3, 6.6], g)).toBe(true);
  });

  it('falls back to the given point only when the geometry has no usable vertex', () => {
    const empty: Polygon = { type: 'Polygon', coordinates: [] };
    expect(gridOutline(empty)).toBeUndefined();
    expect(gridCells(empty, RES, { lat: 6.5, lon: 101.5 })).toEqual([latLngToCell(6.5, 101.5, RES)]);
    expect(gridCells(square(6.2, 101.5, 0.0001), RES, { lat: 7.5, lon: 100.5 })).toEqual([
      latLngToCell(6.2, 101.5, RES),
    ]);
  });

  it('gives a MultiPolygon for parts cells apart, outer rings counter-clockwise and closed', () => {
    const g = gridOutline({
      type: 'MultiPolygon',
      coordinates: [square(6.2, 101.5, 0.002).coordinates, square(6.2, 101.6, 0.002).coordinates],
    })!;
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates).toHaveLength(2);
    for (const ring of ringsOf(g)) {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(signedArea(ring)).toBeGreaterThan(0);
      for (const v of ring) expect(onH3Lattice(v, RES)).toBe(true);
    }
  });

  it('keeps a hole of the union as a clockwise inner ring', () => {
    const centre = latLngToCell(6.3, 101.7, RES);
    const ring = gridDisk(centre, 1).filter((c) => c !== centre);
    const g = outlineOfCells(ring) as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
    expect(signedArea(g.coordinates[0])).toBeGreaterThan(0);
    expect(signedArea(g.coordinates[1])).toBeLessThan(0);
    const [lat, lon] = cellToLatLng(centre);
    expect(booleanPointInPolygon([lon, lat], g)).toBe(false);
  });

  it('rounds to 5 decimals and does not depend on the order of the cells', () => {
    const cells = gridDisk(latLngToCell(6.9, 100.9, RES), 2);
    const a = outlineOfCells(cells)!;
    const b = outlineOfCells([...cells].reverse())!;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    for (const ring of ringsOf(a)) {
      for (const [lon, lat] of ring) {
        expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
        expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
      }
    }
    expect(outlineOfCells([])).toBeUndefined();
  });

  it('reports the grid edge in km', () => {
    expect(gridEdgeKm(8)).toBeCloseTo(0.53, 2);
    expect(gridEdgeKm(7)).toBeCloseTo(1.41, 2);
  });
});
