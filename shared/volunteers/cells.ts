/**
 * The volunteers' spatial key: geohash cells covered by each alert circle.
 *
 * A volunteer is written once per geohash cell that their circle touches, at ONE precision
 * chosen by radius (small circles on fine cells, large circles on coarse cells). To find
 * everyone whose circle contains a point, read the point's own cell at each precision
 * ({@link queryCells}): two Query calls, never a Scan. The cell filter is coarse (it may
 * return volunteers whose circle only touches the cell), so callers finish with the exact
 * haversine check ({@link circleContains}).
 *
 * Correctness argument: if the point P lies in the circle, P's cell at the circle's
 * precision intersects the circle, so {@link coverCells} lists it.
 */
import ngeohash from 'ngeohash';
import { EARTH_RADIUS_KM, haversineKmRaw } from '../geo/haversine.js';
import type { LatLon } from '../types.js';
import { InvalidCoverageError } from './errors.js';

/** One cell precision and the largest radius stored at it. */
export interface CellLevel {
  /** Geohash length. */
  precision: number;
  /** Circles with radius up to this (inclusive) are stored at this precision. */
  maxRadiusKm: number;
}

/**
 * Precision 5 cells are about 4.9 x 4.9 km near the equator: a 10 km circle touches about
 * 25 of them. Precision 4 cells are about 39 x 20 km: a 50 km circle touches about 24.
 */
export const CELL_LEVELS: readonly CellLevel[] = [
  { precision: 5, maxRadiusKm: 10 },
  { precision: 4, maxRadiusKm: 50 },
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

/** Distance in km from a point to the nearest point of a geohash cell (0 inside it). */
function distanceToCellKm(p: LatLon, cell: string): number {
  const [minLat, minLon, maxLat, maxLon] = ngeohash.decode_bbox(cell);
  const lat = Math.min(Math.max(p.lat, minLat), maxLat);
  const lon = Math.min(Math.max(p.lon, minLon), maxLon);
  return haversineKmRaw(p.lat, p.lon, lat, lon);
}

/**
 * Every geohash cell that the circle (`location`, `radiusKm`) touches, at the precision
 * of {@link cellLevelFor}. Write one `volunteerCells` item per cell.
 */
export function coverCells(location: LatLon, radiusKm: number): string[] {
  checkLocation(location);
  const { precision } = cellLevelFor(radiusKm);
  const reachKm = radiusKm + MARGIN_KM;
  const dLat = reachKm / KM_PER_DEG;
  // Longitude degrees shrink with latitude: use the bbox edge farthest from the equator.
  const widestLat = Math.min(89, Math.abs(location.lat) + dLat);
  const dLon = reachKm / (KM_PER_DEG * Math.cos((widestLat * Math.PI) / 180));
  const candidates = ngeohash.bboxes(
    location.lat - dLat,
    location.lon - dLon,
    location.lat + dLat,
    location.lon + dLon,
    precision,
  );
  return candidates.filter((cell) => distanceToCellKm(location, cell) <= reachKm);
}

/** The cells to Query for "whose circle contains this point": the point's cell at each level. */
export function queryCells(point: LatLon): string[] {
  checkLocation(point);
  return CELL_LEVELS.map((l) => ngeohash.encode(point.lat, point.lon, l.precision));
}

/** The exact check after the coarse cell filter: does the circle contain the point? */
export function circleContains(circle: LatLon & { radiusKm: number }, point: LatLon): boolean {
  return haversineKmRaw(circle.lat, circle.lon, point.lat, point.lon) <= circle.radiusKm;
}
