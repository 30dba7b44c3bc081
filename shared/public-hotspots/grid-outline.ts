/**
 * Public hotspot shapes drawn on the H3 grid (Uber's hierarchical hexagons, https://h3geo.org).
 *
 * The stored polygon is a buffered hull whose vertices sit a fixed offset from real tips, so
 * any shape derived from it continuously (rounding included) moves when one tip is added and
 * points at that tip. Instead the public shape is the outline of the union of the H3 cells the
 * stored polygon overlaps: every public vertex is a vertex of the fixed H3 lattice, so a tip
 * added, moved or removed leaves the shape as it was or changes it by whole cells.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import {
  cellsToMultiPolygon,
  getHexagonEdgeLengthAvg,
  latLngToCell,
  polygonToCellsExperimental,
  POLYGON_TO_CELLS_FLAGS,
} from 'h3-js';
import type { LatLon } from '../types.js';

/**
 * H3 resolution of the public grid: 8 (cells ~0.53 km on a side, ~0.74 km² each, ~0.9 km across).
 * Reasons and measurements: docs/adr/0007-public-snapshot-on-a-coarse-grid.md.
 */
export const DEFAULT_GRID_RESOLUTION = 8;

/**
 * Decimals of public coordinates (~1 m). Lattice vertices depend only on the resolution, so
 * rounding them reveals nothing; it only keeps the JSON short.
 */
export const PUBLIC_DECIMALS = 5;

/** Mean edge length of an H3 cell at `resolution`, km, to 2 decimals (the snapshot's `gridKm`). */
export function gridEdgeKm(resolution: number): number {
  return Math.round(getHexagonEdgeLengthAvg(resolution, 'km') * 100) / 100;
}

/**
 * The H3 cells at `resolution` that `geometry` (GeoJSON, `[lon, lat]`) overlaps, sorted. The
 * cells holding each outer-ring vertex are added too, so a polygon too thin or too small for
 * the overlap test still gets its cell; `fallback` (e.g. the centroid) gives one cell when the
 * geometry has no usable vertex at all. Empty only when nothing at all is usable.
 */
export function gridCells(geometry: Polygon | MultiPolygon, resolution: number, fallback?: LatLon): string[] {
  const cells = new Set<string>();
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    const outer = (rings[0] ?? []).filter(isFinitePosition);
    if (outer.length === 0) continue;
    for (const [lon, lat] of outer) cells.add(latLngToCell(lat, lon, resolution));
    // Only a real ring (4+ positions, closed) goes to the overlap test; h3 rejects the rest.
    if (outer.length >= 4) {
      const clean = rings.map((r) => r.filter(isFinitePosition)).filter((r) => r.length >= 4);
      const covered = polygonToCellsExperimental(
        clean,
        resolution,
        POLYGON_TO_CELLS_FLAGS.containmentOverlapping,
        true,
      );
      for (const c of covered) cells.add(c);
    }
  }
  if (cells.size === 0 && fallback && Number.isFinite(fallback.lat) && Number.isFinite(fallback.lon)) {
    cells.add(latLngToCell(fallback.lat, fallback.lon, resolution));
  }
  // Sorted, so the same cells always give the same rings in the same order (stable JSON).
  return [...cells].sort();
}

/**
 * The outline of the union of `cells` as GeoJSON: a Polygon when the cells are connected, else a
 * MultiPolygon; outer rings counter-clockwise, holes (cells inside the union but not in it)
 * clockwise, every ring closed, coordinates rounded to {@link PUBLIC_DECIMALS}. `undefined` for
 * no cells.
 */
export function outlineOfCells(cells: readonly string[]): Polygon | MultiPolygon | undefined {
  if (cells.length === 0) return undefined;
  const polygons = cellsToMultiPolygon([...cells].sort(), true).map((rings) =>
    rings.map((ring, i) => orient(closeRing(ring.map(roundPosition)), i === 0)),
  );
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * The public shape of a stored hotspot geometry: {@link outlineOfCells} of {@link gridCells}.
 * `undefined` only when the geometry has no usable vertex and no `fallback` is given.
 */
export function gridOutline(
  geometry: Polygon | MultiPolygon,
  resolution: number = DEFAULT_GRID_RESOLUTION,
  fallback?: LatLon,
): Polygon | MultiPolygon | undefined {
  return outlineOfCells(gridCells(geometry, resolution, fallback));
}

function isFinitePosition(p: Position): boolean {
  return p.length >= 2 && Number.isFinite(p[0]) && Math.abs(p[1]) <= 90;
}

function roundPosition([lon, lat]: Position): Position {
  const f = 10 ** PUBLIC_DECIMALS;
  // `+ 0` turns a rounded -0 into 0, so JSON never shows `-0`.
  return [Math.round(lon * f) / f + 0, Math.round(lat * f) / f + 0];
}

function closeRing(ring: Position[]): Position[] {
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [...first]];
}

/** RFC 7946 §3.1.6: outer rings counter-clockwise, holes clockwise (h3 already does; checked). */
function orient(ring: Position[], outer: boolean): Position[] {
  let twiceArea = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return twiceArea > 0 === outer ? ring : [...ring].reverse();
}
