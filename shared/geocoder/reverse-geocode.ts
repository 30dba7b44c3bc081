/**
 * Reverse geocoding. The province comes from point-in-polygon on the simplified province
 * boundaries (`th-provinces.geojson`); amphoe and tambon are those of the nearest tambon
 * centroid inside that province. This is an approximation: tambon boundaries are not in
 * the input, so a point near a tambon border may be given the neighbouring tambon. Points up
 * to `BOUNDARY_SLACK_KM` outside the simplified boundaries count as inside.
 */
import type { GeocodeResult, LatLon } from '../types.js';
import { haversineKmRaw } from '../geo/haversine.js';
import { adminOf, type Gazetteer } from './gazetteer.js';
import { distanceToShapeKm, expandShape, shapeContains } from './province-shapes.js';

/**
 * Points this close outside a simplified boundary still belong to it: the boundaries are
 * simplified to 0.002 degrees (~0.22 km), so a beach or riverbank point may fall just outside.
 */
export const BOUNDARY_SLACK_KM = 0.25;
/** The same slack in degrees, for the bounding-box pre-check (generous at these latitudes). */
const SLACK_DEG = 0.003;

function shapeAt(g: Gazetteer, i: number) {
  return (g.decodedShapes[i] ??= expandShape(g.shapes[i]));
}

/** The province (place index) whose boundary contains the point, or -1 outside Thailand. */
export function provinceIndexOf(g: Gazetteer, point: LatLon): number {
  const { lat, lon } = point;
  let nearest = -1;
  let nearestKm = BOUNDARY_SLACK_KM;
  for (let i = 0; i < g.shapes.length; i++) {
    const [minLon, minLat, maxLon, maxLat] = g.shapes[i].bbox;
    if (lon < minLon - SLACK_DEG || lon > maxLon + SLACK_DEG || lat < minLat - SLACK_DEG || lat > maxLat + SLACK_DEG)
      continue;
    const shape = shapeAt(g, i);
    if (shapeContains(shape, lat, lon)) return g.byCode.get(shape.code) ?? -1;
    const km = distanceToShapeKm(shape, lat, lon);
    if (km <= nearestKm) [nearest, nearestKm] = [i, km];
  }
  return nearest < 0 ? -1 : (g.byCode.get(g.shapes[nearest].code) ?? -1);
}

/** Names and codes of the province containing the point, or null outside Thailand. */
export function provinceOf(g: Gazetteer, point: LatLon): { provinceCode: string; province: string } | null {
  const i = provinceIndexOf(g, point);
  return i < 0 ? null : { provinceCode: g.places[i].code, province: g.places[i].th };
}

function nearestTambon(g: Gazetteer, province: number, point: LatLon): { id: number; km: number } {
  let best = { id: -1, km: Infinity };
  for (const a of g.children[province]) {
    for (const t of g.children[a]) {
      const p = g.places[t];
      const km = haversineKmRaw(point.lat, point.lon, p.lat, p.lon);
      if (km < best.km) best = { id: t, km };
    }
  }
  return best;
}

/** Reverse-geocodes a WGS84 point: precision `point`, admin down to tambon, `distanceKm`. */
export function reverseGeocode(g: Gazetteer, point: LatLon): GeocodeResult {
  const { lat, lon } = point;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new RangeError(`reverseGeocode needs lat in [-90, 90] and lon in [-180, 180], got ${lat}, ${lon}`);
  }
  const province = provinceIndexOf(g, point);
  if (province < 0) return { precision: 'point', lat, lon, inThailand: false };
  const near = nearestTambon(g, province, point);
  if (near.id < 0) {
    return { precision: 'point', lat, lon, inThailand: true, admin: adminOf(g, province) };
  }
  return {
    precision: 'point',
    lat,
    lon,
    confidence: 1,
    inThailand: true,
    admin: adminOf(g, near.id),
    distanceKm: Math.round(near.km * 1000) / 1000,
  };
}
