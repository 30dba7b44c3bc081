/** Recognises a query that is a coordinate pair, "lat, lon" in decimal degrees. */
import type { LatLon } from '../types.js';

const LAT_LON = /^\s*([-+]?\d{1,3}(?:\.\d+)?)\s*[, ]\s*([-+]?\d{1,3}(?:\.\d+)?)\s*$/;

/** `{lat, lon}` when the text is two decimal numbers in range, else null. */
export function parseLatLon(text: string): LatLon | null {
  const m = LAT_LON.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}
