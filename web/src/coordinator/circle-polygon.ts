/** A circle of `radiusKm` around a point as a GeoJSON ring (for volunteers' alert radii). */
import type { Polygon } from 'geojson';
import type { LatLon } from '../../../shared/types.js';

const KM_PER_DEG_LAT = 111.32;

/** 64 vertices: smooth at any zoom a radius is read at, small enough for hundreds of volunteers. */
export function circlePolygon(centre: LatLon, radiusKm: number, steps = 64): Polygon {
  const ring: [number, number][] = [];
  const kmPerDegLon = KM_PER_DEG_LAT * Math.cos((centre.lat * Math.PI) / 180);
  for (let i = 0; i <= steps; i++) {
    const a = (i / steps) * 2 * Math.PI;
    ring.push([
      centre.lon + (radiusKm * Math.cos(a)) / kmPerDegLon,
      centre.lat + (radiusKm * Math.sin(a)) / KM_PER_DEG_LAT,
    ]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}
