/** Bounding box of a GeoJSON polygon feature, for `fitBounds` (no turf in the browser bundle). */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** `[[west, south], [east, north]]` in degrees, or null for an empty geometry. */
export function featureBounds(feature: Feature<Polygon | MultiPolygon>): [[number, number], [number, number]] | null {
  const g = feature.geometry;
  const rings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return Number.isFinite(west)
    ? [
        [west, south],
        [east, north],
      ]
    : null;
}

/** The centre of a polygon's bounds, where its point is drawn (map and poster); null when empty. */
export function featureCentre(feature: Feature<Polygon | MultiPolygon>): [number, number] | null {
  const b = featureBounds(feature);
  return b ? [(b[0][0] + b[1][0]) / 2, (b[0][1] + b[1][1]) / 2] : null;
}
