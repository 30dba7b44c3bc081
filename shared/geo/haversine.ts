import type { LatLon } from '../types.js';

/** Mean Earth radius in km, the value turf uses (`earthRadius` in @turf/helpers). */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in km between two points given as plain numbers (degrees). */
export function haversineKmRaw(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

/** Great-circle distance in km between two `{lat, lon}` points. */
export function haversineKm(a: LatLon, b: LatLon): number {
  return haversineKmRaw(a.lat, a.lon, b.lat, b.lon);
}
