/**
 * Reverse geocoding. The province comes from point-in-polygon on the simplified province
 * boundaries (`th-provinces.geojson`); amphoe and tambon are those of the nearest tambon
 * centroid inside that province. This is an approximation: tambon boundaries are not in
 * the input, so a point near a tambon border may be given the neighbouring tambon. Points up
 * to `BOUNDARY_SLACK_KM` outside the simplified boundaries count as inside.
 *
 * A point on no province but inside the service area (the sea off the coast, the other
 * side of a border) is named by the nearest tambon centroid anywhere, with a sea note:
 * `inThailand: false`, `admin: {..., sea: { nearestKm }}`. Farther points get no admin.
 */
import type { GeocodeResult, LatLon } from '../types.js';
import { haversineKmRaw } from '../geo/haversine.js';
import { defaultServiceArea } from '../service-area/area-from-gazetteer.js';
import type { ServiceArea } from '../service-area/service-area.js';
import { adminOf, type Gazetteer } from './gazetteer.js';
import { nearestTambon } from './nearest-tambon.js';
import {
  BOUNDARY_SLACK_KM,
  KM_PER_DEG_LAT,
  distanceToShapeKm,
  expandShape,
  kmPerDegLon,
  shapeContains,
} from './province-shapes.js';

export { BOUNDARY_SLACK_KM };

/**
 * Degrees of slack for the bounding-box pre-check, beyond the slack itself: the stored
 * boxes are of the unquantised boundary, whose vertices move by up to 0.5e-4 degrees.
 */
const QUANT_DEG = 1e-4;
const SLACK_LAT_DEG = BOUNDARY_SLACK_KM / KM_PER_DEG_LAT + QUANT_DEG;

function shapeAt(g: Gazetteer, i: number) {
  return (g.decodedShapes[i] ??= expandShape(g.shapes[i]));
}

/** The province (place index) whose boundary contains the point, or -1 outside Thailand. */
export function provinceIndexOf(g: Gazetteer, point: LatLon): number {
  const { lat, lon } = point;
  // Never tighter than the slack: a point within BOUNDARY_SLACK_KM of a boundary is within
  // this many degrees of its box (at Thai latitudes ~0.0024 deg).
  const slackLonDeg = BOUNDARY_SLACK_KM / Math.max(kmPerDegLon(lat), 1e-9) + QUANT_DEG;
  let nearest = -1;
  let nearestKm = BOUNDARY_SLACK_KM;
  for (let i = 0; i < g.shapes.length; i++) {
    const [minLon, minLat, maxLon, maxLat] = g.shapes[i].bbox;
    if (
      lon < minLon - slackLonDeg ||
      lon > maxLon + slackLonDeg ||
      lat < minLat - SLACK_LAT_DEG ||
      lat > maxLat + SLACK_LAT_DEG
    )
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

function nearestTambonIn(g: Gazetteer, province: number, point: LatLon): { id: number; km: number } {
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

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Reverse-geocodes a WGS84 point: precision `point`, admin down to tambon, `distanceKm`.
 * Off land but inside `area` (default: all of Thailand plus 30 km), the nearest tambon with
 * `admin.sea.nearestKm` (0.1 km) and `inThailand: false`; outside the area, no admin.
 */
export function reverseGeocode(g: Gazetteer, point: LatLon, area: ServiceArea = defaultServiceArea(g)): GeocodeResult {
  const { lat, lon } = point;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new RangeError(`reverseGeocode needs lat in [-90, 90] and lon in [-180, 180], got ${lat}, ${lon}`);
  }
  const province = provinceIndexOf(g, point);
  if (province < 0) {
    const off = { precision: 'point', lat, lon, inThailand: false } as const;
    const near = area.contains(point) ? nearestTambon(g, point) : null;
    if (!near) return off;
    return {
      ...off,
      admin: { ...adminOf(g, near.id), sea: { nearestKm: round(near.km, 1) } },
      distanceKm: round(near.km, 3),
    };
  }
  const near = nearestTambonIn(g, province, point);
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
