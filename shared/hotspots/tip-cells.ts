/**
 * The geohash cells of the tips table's `byCell` index. The repository stores
 * `tipCell(lat, lon)` on each tip; the incremental update asks for the cells around a change.
 */
import ngeohash from 'ngeohash';

/** Geohash precision of `byCell`: 4 characters, cells of about 39 x 20 km. */
export const CELL_PRECISION = 4;

/** The `byCell` key of a point. */
export function tipCell(lat: number, lon: number): string {
  return ngeohash.encode(lat, lon, CELL_PRECISION);
}

/** Every `byCell` key whose cell intersects the box (degrees, inclusive). */
export function cellsInBox(box: { minLat: number; minLon: number; maxLat: number; maxLon: number }): string[] {
  const minLat = Math.max(-90, box.minLat);
  const maxLat = Math.min(90, box.maxLat);
  return ngeohash.bboxes(minLat, box.minLon, maxLat, box.maxLon, CELL_PRECISION);
}
