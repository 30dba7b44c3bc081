/** Lat/lon bounding boxes in degrees, for the incremental update's working area. */
import type { Hotspot } from '../types.js';
import { EARTH_RADIUS_KM } from '../geo/haversine.js';

const KM_PER_DEG = (Math.PI * EARTH_RADIUS_KM) / 180;

/** A box in degrees; empty when `minLat > maxLat`. */
export interface Box {
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

/** The empty box (identity of {@link unionBox}). */
export function emptyBox(): Box {
  return { minLat: Infinity, minLon: Infinity, maxLat: -Infinity, maxLon: -Infinity };
}

/** Smallest box holding all the boxes. */
export function unionBox(...boxes: Box[]): Box {
  const out = emptyBox();
  for (const b of boxes) {
    out.minLat = Math.min(out.minLat, b.minLat);
    out.minLon = Math.min(out.minLon, b.minLon);
    out.maxLat = Math.max(out.maxLat, b.maxLat);
    out.maxLon = Math.max(out.maxLon, b.maxLon);
  }
  return out;
}

/** Box of points. */
export function boxOfPoints(points: ReadonlyArray<{ lat: number; lon: number }>): Box {
  const out = emptyBox();
  for (const p of points) {
    out.minLat = Math.min(out.minLat, p.lat);
    out.minLon = Math.min(out.minLon, p.lon);
    out.maxLat = Math.max(out.maxLat, p.lat);
    out.maxLon = Math.max(out.maxLon, p.lon);
  }
  return out;
}

/** Box of a hotspot's polygon: its stored GeoJSON-style `bbox` when present, else from the rings. */
export function boxOfHotspot(h: Pick<Hotspot, 'bbox' | 'geometry'>): Box {
  const b = h.bbox;
  if (Array.isArray(b) && b.length === 4 && b.every(Number.isFinite)) {
    return { minLon: b[0], minLat: b[1], maxLon: b[2], maxLat: b[3] };
  }
  const polygons = h.geometry.type === 'Polygon' ? [h.geometry.coordinates] : h.geometry.coordinates;
  const out = emptyBox();
  for (const rings of polygons) {
    for (const [lon, lat] of rings[0]) {
      out.minLat = Math.min(out.minLat, lat);
      out.minLon = Math.min(out.minLon, lon);
      out.maxLat = Math.max(out.maxLat, lat);
      out.maxLon = Math.max(out.maxLon, lon);
    }
  }
  return out;
}

/** The box grown by at least `km` on every side (longitude scaled at its widest latitude). */
export function growBox(b: Box, km: number): Box {
  const dLat = km / KM_PER_DEG;
  const maxAbsLat = Math.min(89, Math.max(Math.abs(b.minLat), Math.abs(b.maxLat)) + dLat);
  const dLon = km / (KM_PER_DEG * Math.cos((maxAbsLat * Math.PI) / 180));
  return { minLat: b.minLat - dLat, maxLat: b.maxLat + dLat, minLon: b.minLon - dLon, maxLon: b.maxLon + dLon };
}

/** Does `outer` contain `inner` (inclusive)? An empty `inner` is contained. */
export function boxContains(outer: Box, inner: Box): boolean {
  if (inner.minLat > inner.maxLat) return true;
  return (
    inner.minLat >= outer.minLat &&
    inner.maxLat <= outer.maxLat &&
    inner.minLon >= outer.minLon &&
    inner.maxLon <= outer.maxLon
  );
}

/** Do the boxes share a point (inclusive)? */
export function boxesMeet(a: Box, b: Box): boolean {
  return a.minLat <= b.maxLat && b.minLat <= a.maxLat && a.minLon <= b.maxLon && b.minLon <= a.maxLon;
}
