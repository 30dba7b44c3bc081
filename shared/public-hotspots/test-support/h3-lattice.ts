/**
 * Test helper: independent checks that a public shape lies on the H3 grid, written against
 * h3-js directly (not against grid-outline.ts), so a bug in the outline code cannot hide itself.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { cellToBoundary, cellToLatLng, gridDisk, latLngToCell, polygonToCells } from 'h3-js';

/** Tolerance of a lattice match, degrees: public coordinates carry 5 decimals (±0.5e-5). */
const VERTEX_TOLERANCE_DEG = 1.5e-5;

/** Every ring of a Polygon or MultiPolygon. */
export function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Whether `[lon, lat]` is, to the 5 published decimals, a vertex of some H3 cell at `res`. */
export function onH3Lattice([lon, lat]: Position, res: number): boolean {
  // A lattice vertex is shared by the cell holding it and its neighbours.
  for (const cell of gridDisk(latLngToCell(lat, lon, res), 1)) {
    for (const [vlat, vlon] of cellToBoundary(cell)) {
      if (Math.abs(vlat - lat) <= VERTEX_TOLERANCE_DEG && Math.abs(vlon - lon) <= VERTEX_TOLERANCE_DEG) return true;
    }
  }
  return false;
}

/**
 * The H3 cells at `res` wholly inside `g`, if `g` is exactly a union of such cells; throws naming
 * the first cell that is partly inside. Each cell near `g` is probed at its centre and at points
 * 90 % of the way to each vertex and to each edge's midpoint.
 */
export function cellsOfUnion(g: Polygon | MultiPolygon, res: number): Set<string> {
  const near = new Set<string>();
  for (const ring of ringsOf(g)) {
    for (const [lon, lat] of ring) for (const c of gridDisk(latLngToCell(lat, lon, res), 1)) near.add(c);
  }
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of polys) for (const c of polygonToCells(p, res, true)) near.add(c);
  const inside = new Set<string>();
  for (const cell of near) {
    const [clat, clon] = cellToLatLng(cell);
    const boundary = cellToBoundary(cell);
    const probes: Position[] = [[clon, clat]];
    boundary.forEach(([vlat, vlon], i) => {
      const [nlat, nlon] = boundary[(i + 1) % boundary.length];
      probes.push([clon + 0.9 * (vlon - clon), clat + 0.9 * (vlat - clat)]);
      probes.push([clon + 0.9 * ((vlon + nlon) / 2 - clon), clat + 0.9 * ((vlat + nlat) / 2 - clat)]);
    });
    const hits = probes.filter((p) => booleanPointInPolygon(p, g)).length;
    if (hits !== 0 && hits !== probes.length)
      throw new Error(`cell ${cell} is partly inside (${hits}/${probes.length})`);
    if (hits) inside.add(cell);
  }
  return inside;
}
