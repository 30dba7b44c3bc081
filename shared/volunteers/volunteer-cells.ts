/**
 * The volunteers' spatial key: square grid cells covered by each alert circle.
 *
 * The grid of a level divides the world into 2^gridBits columns and 2^(gridBits-1) rows of
 * 360 / 2^gridBits degrees: square in degrees, the same cells as geohashes of odd bit depth
 * (a geohash of even bit depth is a 2:1 rectangle, which reads more false positives).
 * A volunteer is written once per cell that their circle touches, at ONE level chosen by
 * radius so that the radius is 1.25-2.5 cell sides: fine enough that a cell holds few
 * volunteers who do not cover it, coarse enough that a circle touches at most about 40
 * cells. To find everyone whose circle contains a point, read the point's own cell at
 * each level ({@link queryCells}): one Query per level, never a Scan. The cell filter is
 * coarse, so callers finish with the exact haversine check ({@link circleContains}).
 *
 * Correctness argument: if the point P lies in the circle, P's cell at the circle's level
 * intersects the circle, so {@link coverCells} lists it.
 */
import { EARTH_RADIUS_KM, haversineKmRaw } from '../geo/haversine.js';
import type { LatLon } from '../types.js';
import { InvalidCoverageError } from './errors.js';

/** One grid level and the largest radius stored at it. */
export interface CellLevel {
  /** First character of this level's cell keys (keeps the levels apart in one table). */
  prefix: string;
  /** The grid is 2^gridBits cells around the equator; a cell is 360 / 2^gridBits degrees. */
  gridBits: number;
  /** Circles with radius up to this (inclusive), km, are stored at this level. */
  maxRadiusKm: number;
}

/**
 * Cell sides at the equator (40,030 km / 2^gridBits): 0.61, 1.22, 2.44, 4.9, 9.8 and
 * 19.5 km. Each level takes radii of up to 2.5 cell sides (50 km: 2.6), so a circle
 * touches at most about 40 cells and a cell read returns about 1.5-2.2 times the
 * volunteers who really cover the point (ADR 0004 has the measurements).
 */
export const CELL_LEVELS: readonly CellLevel[] = [
  { prefix: 'a', gridBits: 16, maxRadiusKm: 1.5 },
  { prefix: 'b', gridBits: 15, maxRadiusKm: 3 },
  { prefix: 'c', gridBits: 14, maxRadiusKm: 6 },
  { prefix: 'd', gridBits: 13, maxRadiusKm: 12 },
  { prefix: 'e', gridBits: 12, maxRadiusKm: 24 },
  { prefix: 'f', gridBits: 11, maxRadiusKm: 50 },
];

/** Largest alert radius the registry accepts, km (the coarsest level's limit). */
export const MAX_RADIUS_KM = CELL_LEVELS[CELL_LEVELS.length - 1]!.maxRadiusKm;

/** Km per degree of latitude on the mean-radius sphere. */
const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;

/**
 * Safety margin on the cell/circle intersection test, km: the nearest point of a
 * latitude/longitude box is computed by clamping, which is exact on a plane and off by
 * metres on the sphere at these sizes. A margin only adds cells, never drops one.
 */
const MARGIN_KM = 0.05;

/** The level a radius is stored at. Throws {@link InvalidCoverageError} outside (0, MAX_RADIUS_KM]. */
export function cellLevelFor(radiusKm: number): CellLevel {
  if (!(radiusKm > 0) || !Number.isFinite(radiusKm)) {
    throw new InvalidCoverageError(`radiusKm must be a positive number of km, got ${radiusKm}`);
  }
  const level = CELL_LEVELS.find((l) => radiusKm <= l.maxRadiusKm);
  if (!level) throw new InvalidCoverageError(`radiusKm is limited to ${MAX_RADIUS_KM} km, got ${radiusKm}`);
  return level;
}

function checkLocation({ lat, lon }: LatLon): void {
  if (!(Math.abs(lat) <= 85) || !(Math.abs(lon) <= 180)) {
    throw new InvalidCoverageError(`location must be within lat ±85 and lon ±180, got ${lat}, ${lon}`);
  }
}

/** Side of a level's cells, degrees. */
function cellDeg(level: CellLevel): number {
  return 360 / 2 ** level.gridBits;
}

/** The key of the cell at (column, row); columns wrap around the antimeridian. */
function cellKey(level: CellLevel, col: number, row: number): string {
  const cols = 2 ** level.gridBits;
  const wrapped = ((col % cols) + cols) % cols;
  return level.prefix + (row * cols + wrapped).toString(36);
}

/** Column and row of the cell holding a point (lon 180 falls in the last column). */
function cellIndex(level: CellLevel, { lat, lon }: LatLon): { col: number; row: number } {
  const deg = cellDeg(level);
  const col = Math.min(Math.floor((lon + 180) / deg), 2 ** level.gridBits - 1);
  return { col, row: Math.floor((lat + 90) / deg) };
}

/** Distance in km from a point to the nearest point of cell (col, row) (0 inside it). */
function distanceToCellKm(p: LatLon, level: CellLevel, col: number, row: number): number {
  const deg = cellDeg(level);
  const minLat = row * deg - 90;
  const minLon = col * deg - 180;
  const lat = Math.min(Math.max(p.lat, minLat), minLat + deg);
  const lon = Math.min(Math.max(p.lon, minLon), minLon + deg);
  return haversineKmRaw(p.lat, p.lon, lat, lon);
}

/**
 * Every grid cell that the circle (`location`, `radiusKm`) touches, at the level of
 * {@link cellLevelFor}. Write one `volunteerCells` item per cell.
 */
export function coverCells(location: LatLon, radiusKm: number): string[] {
  checkLocation(location);
  const level = cellLevelFor(radiusKm);
  const reachKm = radiusKm + MARGIN_KM;
  const dLat = reachKm / KM_PER_DEG;
  // Longitude degrees shrink with latitude: use the bbox edge farthest from the equator.
  const widestLat = Math.min(89, Math.abs(location.lat) + dLat);
  const dLon = reachKm / (KM_PER_DEG * Math.cos((widestLat * Math.PI) / 180));
  const deg = cellDeg(level);
  // Unclamped column indices, so that columns past the antimeridian keep their true
  // longitude for the distance test (cellKey wraps them).
  const index = (degrees: number, origin: number) => Math.floor((degrees + origin) / deg);
  const cells: string[] = [];
  for (let row = index(location.lat - dLat, 90); row <= index(location.lat + dLat, 90); row++) {
    for (let col = index(location.lon - dLon, 180); col <= index(location.lon + dLon, 180); col++) {
      if (distanceToCellKm(location, level, col, row) <= reachKm) cells.push(cellKey(level, col, row));
    }
  }
  return cells;
}

/** The cells to Query for "whose circle contains this point": the point's cell at each level. */
export function queryCells(point: LatLon): string[] {
  checkLocation(point);
  return CELL_LEVELS.map((level) => {
    const { col, row } = cellIndex(level, point);
    return cellKey(level, col, row);
  });
}

/** The exact check after the coarse cell filter: does the circle contain the point? */
export function circleContains(circle: LatLon & { radiusKm: number }, point: LatLon): boolean {
  return haversineKmRaw(circle.lat, circle.lon, point.lat, point.lon) <= circle.radiusKm;
}
