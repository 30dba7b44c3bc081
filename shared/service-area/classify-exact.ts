/**
 * The brute-force reference classification: every shape, every edge, no grid. Slow
 * (~10-50 µs a point), kept as the definition that the grid of `ServiceArea` must match
 * exactly, and for tests.
 */
import {
  KM_PER_DEG_LAT,
  distanceToShapeKm,
  kmPerDegLon,
  shapeContains,
  type ProvinceShape,
} from '../geocoder/province-shapes.js';
import type { LatLon } from '../types.js';
import type { AreaClass } from './service-area.js';

/**
 * `land` when a shape contains the point or lies within `slackKm` of it (the reverse
 * geocoder's rule), else `buffer` when a shape lies within `bufferKm`, else `outside`.
 */
export function classifyExact(
  shapes: readonly ProvinceShape[],
  point: LatLon,
  options: { bufferKm: number; slackKm: number },
): AreaClass {
  const { lat, lon } = point;
  if (shapes.some((s) => shapeContains(s, lat, lon))) return 'land';
  // Shapes whose bounding box (plus the quantisation of the vertices, 1e-4 deg) is farther
  // than the buffer cannot change the answer: skipping them only saves time.
  const reach = Math.max(options.bufferKm, options.slackKm);
  const lonReach = reach / Math.max(kmPerDegLon(lat), 1e-9) + 1e-4;
  const latReach = reach / KM_PER_DEG_LAT + 1e-4;
  let best = Infinity;
  for (const s of shapes) {
    const [minLon, minLat, maxLon, maxLat] = s.bbox;
    if (lon < minLon - lonReach || lon > maxLon + lonReach || lat < minLat - latReach || lat > maxLat + latReach) {
      continue;
    }
    best = Math.min(best, distanceToShapeKm(s, lat, lon));
  }
  if (best <= options.slackKm) return 'land';
  return best <= options.bufferKm ? 'buffer' : 'outside';
}
