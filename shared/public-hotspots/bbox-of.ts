/** Bounding boxes of public shapes, for quick rejection before exact geometry tests. */
import type { BBox, MultiPolygon, Polygon } from 'geojson';

/**
 * The GeoJSON bbox `[minLon, minLat, maxLon, maxLat]` of a polygon's outer rings (holes lie
 * inside them). Boxes crossing the 180° meridian are not handled: the service area is Thailand.
 */
export function bboxOf(g: Polygon | MultiPolygon): BBox {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  const outers = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((poly) => poly[0]);
  for (const ring of outers) {
    for (const [lon, lat] of ring ?? []) {
      minLon = Math.min(minLon, lon);
      minLat = Math.min(minLat, lat);
      maxLon = Math.max(maxLon, lon);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}
