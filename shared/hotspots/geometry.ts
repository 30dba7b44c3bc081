/**
 * Hotspot polygon: convex hull of the member tips, grown by a round buffer, computed in a
 * local flat projection (km east/north of the members' mean) that is accurate to well under
 * a metre at hotspot scale. Tip positions are snapped to a coarse grid first so that no
 * polygon vertex sits on an exact tip (privacy rule: no exact tip locations in public output).
 */
import type { Polygon } from 'geojson';
import type { LatLon } from '../types.js';
import { EARTH_RADIUS_KM } from '../geo/haversine.js';

/** Km per degree of latitude on turf's sphere. */
const KM_PER_DEG = (Math.PI * EARTH_RADIUS_KM) / 180;
/** Segments in a full circle of the buffer (one every 22.5°). */
const CIRCLE_SEGMENTS = 16;
/** Output coordinates are rounded to this many decimals (~1 m). */
const COORD_DECIMALS = 5;

/** Members' mean position (the hotspot centroid). */
export function meanPosition(lats: ArrayLike<number>, lons: ArrayLike<number>): LatLon {
  let lat = 0;
  let lon = 0;
  for (let i = 0; i < lats.length; i++) {
    lat += lats[i];
    lon += lons[i];
  }
  return { lat: lat / lats.length, lon: lon / lats.length };
}

/**
 * The buffered convex hull of the points as a GeoJSON Polygon (`[lon, lat]`, counter-clockwise,
 * closed). `bufferKm` > 0 gives one point a circle and two points a stadium.
 */
export function bufferedHull(
  lats: ArrayLike<number>,
  lons: ArrayLike<number>,
  options: { bufferKm: number; snapDeg: number },
): Polygon {
  const origin = meanPosition(lats, lons);
  const kx = KM_PER_DEG * Math.cos((origin.lat * Math.PI) / 180);
  const xs: number[] = [];
  const ys: number[] = [];
  const push = (lon: number, lat: number) => {
    xs.push((lon - origin.lon) * kx);
    ys.push((lat - origin.lat) * KM_PER_DEG);
  };
  if (options.snapDeg > 0) {
    // On the snapping grid only the lowest and highest point of each column can be a hull
    // vertex (any other lies between them), so a million tips give a few thousand candidates.
    const step = options.snapDeg;
    const columns = new Map<number, { low: number; high: number }>();
    for (let i = 0; i < lats.length; i++) {
      const qx = Math.round(lons[i] / step);
      const qy = Math.round(lats[i] / step);
      const c = columns.get(qx);
      if (!c) columns.set(qx, { low: qy, high: qy });
      else if (qy < c.low) c.low = qy;
      else if (qy > c.high) c.high = qy;
    }
    for (const [qx, { low, high }] of columns) {
      push(qx * step, low * step);
      if (high !== low) push(qx * step, high * step);
    }
  } else {
    // Unsnapped: each distinct point once.
    const seen = new Set<string>();
    for (let i = 0; i < lats.length; i++) {
      const key = `${lons[i]},${lats[i]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      push(lons[i], lats[i]);
    }
  }
  const hull = convexHull(xs, ys);
  const ring = bufferConvex(hull, Math.max(options.bufferKm, 1e-3));
  const round = (v: number) => Number(v.toFixed(COORD_DECIMALS));
  const coords = ring.map(([x, y]) => [round(origin.lon + x / kx), round(origin.lat + y / KM_PER_DEG)]);
  coords.push([...coords[0]]);
  return { type: 'Polygon', coordinates: [coords] };
}

/** Andrew's monotone chain; counter-clockwise, no collinear or repeated vertices. */
export function convexHull(xs: number[], ys: number[]): Array<[number, number]> {
  const idx = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b] || ys[a] - ys[b]);
  const pts: Array<[number, number]> = [];
  for (const i of idx) {
    const last = pts[pts.length - 1];
    if (!last || last[0] !== xs[i] || last[1] !== ys[i]) pts.push([xs[i], ys[i]]);
  }
  if (pts.length < 3) return pts;
  const cross = (o: number[], a: number[], b: number[]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Array<[number, number]> = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Array<[number, number]> = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  const hull = lower.concat(upper);
  return hull.length >= 2 ? hull : pts.slice(0, 1);
}

/**
 * Minkowski sum of a convex polygon (CCW; 1 or 2 vertices allowed) with a disc: each vertex
 * becomes an arc from the outward normal of its incoming edge to that of its outgoing edge.
 */
function bufferConvex(hull: Array<[number, number]>, radiusKm: number): Array<[number, number]> {
  const step = (2 * Math.PI) / CIRCLE_SEGMENTS;
  if (hull.length === 1) {
    const [x, y] = hull[0];
    return Array.from({ length: CIRCLE_SEGMENTS }, (_, k) => [
      x + radiusKm * Math.cos(k * step),
      y + radiusKm * Math.sin(k * step),
    ]);
  }
  const out: Array<[number, number]> = [];
  const n = hull.length;
  const normalAngle = (a: [number, number], b: [number, number]) => Math.atan2(-(b[0] - a[0]), b[1] - a[1]);
  for (let i = 0; i < n; i++) {
    const prev = hull[(i + n - 1) % n];
    const cur = hull[i];
    const next = hull[(i + 1) % n];
    const from = normalAngle(prev, cur);
    let to = normalAngle(cur, next);
    while (to < from) to += 2 * Math.PI;
    const pieces = Math.max(1, Math.ceil((to - from) / step - 1e-9));
    for (let k = 0; k <= pieces; k++) {
      const a = from + ((to - from) * k) / pieces;
      out.push([cur[0] + radiusKm * Math.cos(a), cur[1] + radiusKm * Math.sin(a)]);
    }
  }
  return out;
}
