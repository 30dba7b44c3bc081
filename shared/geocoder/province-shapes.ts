/**
 * Province boundaries for reverse geocoding, compacted for a fast index load: each ring is
 * simplified (Douglas-Peucker, `toleranceDeg`) and stored as integer micro-degree-ish units
 * (degrees x `SCALE`), delta-encoded. Point-in-polygon is even-odd over all rings.
 */

/**
 * Points this close outside a simplified boundary still belong to it (km): the boundaries
 * are simplified to 0.002 degrees (~0.22 km), so a beach or riverbank point may fall just
 * outside. The reverse geocoder and the service area's land share this rule.
 */
export const BOUNDARY_SLACK_KM = 0.25;

/** Coordinates are stored as round(deg * SCALE): 1e4 = ~11 m, well below the simplification. */
export const SCALE = 1e4;

/** A province boundary as stored in the index. */
export interface CompactShape {
  /** TIS-1099 province code. */
  code: string;
  /** [minLon, minLat, maxLon, maxLat] in degrees. */
  bbox: [number, number, number, number];
  /** Rings as delta-encoded [lon, lat, dLon, dLat, ...] integers (degrees x SCALE). */
  rings: number[][];
}

/** A province boundary ready for point-in-polygon tests (absolute degrees). */
export interface ProvinceShape {
  code: string;
  bbox: [number, number, number, number];
  rings: Float64Array[];
}

type Ring = number[][];

function perpDist(p: number[], a: number[], b: number[]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas-Peucker simplification of one ring (iterative, keeps first and last point). */
export function simplifyRing(ring: Ring, toleranceDeg: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, ring.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop()!;
    let maxD = 0;
    let idx = -1;
    for (let i = s + 1; i < e; i++) {
      const d = perpDist(ring[i], ring[s], ring[e]);
      if (d > maxD) {
        maxD = d;
        idx = i;
      }
    }
    if (idx >= 0 && maxD > toleranceDeg) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  return ring.filter((_, i) => keep[i]);
}

function encodeRing(ring: Ring): number[] {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (const [lon, lat] of ring) {
    const x = Math.round(lon * SCALE);
    const y = Math.round(lat * SCALE);
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
}

/** Compacts one (Multi)Polygon geometry; rings that collapse below 4 points are dropped. */
export function compactShape(code: string, polygons: Ring[][], toleranceDeg: number): CompactShape {
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings: number[][] = [];
  for (const poly of polygons) {
    for (const ring of poly) {
      for (const [lon, lat] of ring) {
        bbox[0] = Math.min(bbox[0], lon);
        bbox[1] = Math.min(bbox[1], lat);
        bbox[2] = Math.max(bbox[2], lon);
        bbox[3] = Math.max(bbox[3], lat);
      }
      const simple = simplifyRing(ring, toleranceDeg);
      if (simple.length >= 4) rings.push(encodeRing(simple));
    }
  }
  return { code, bbox, rings };
}

/** Decodes a stored shape into absolute-degree rings. */
export function expandShape(shape: CompactShape): ProvinceShape {
  const rings = shape.rings.map((enc) => {
    const out = new Float64Array(enc.length);
    let x = 0;
    let y = 0;
    for (let i = 0; i < enc.length; i += 2) {
      x += enc[i];
      y += enc[i + 1];
      out[i] = x / SCALE;
      out[i + 1] = y / SCALE;
    }
    return out;
  });
  return { code: shape.code, bbox: shape.bbox, rings };
}

/**
 * Whether the edge from vertex j to vertex i flips the even-odd state of a ray cast from
 * (lat, lon) towards east. The one crossing rule of every point-in-polygon test here, so
 * that the service area's local tests agree with {@link shapeContains} to the last bit.
 */
export function edgeFlips(xi: number, yi: number, xj: number, yj: number, lat: number, lon: number): boolean {
  return yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi;
}

/** Even-odd point-in-polygon over every ring of the shape (holes included). */
export function shapeContains(shape: ProvinceShape, lat: number, lon: number): boolean {
  const [minLon, minLat, maxLon, maxLat] = shape.bbox;
  if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) return false;
  let inside = false;
  for (const r of shape.rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      if (edgeFlips(r[i], r[i + 1], r[j], r[j + 1], lat, lon)) inside = !inside;
    }
  }
  return inside;
}

/** Area-weighted centroid of a shape's rings (degrees); used where the CSV has no centroid. */
export function shapeCentroid(shape: ProvinceShape): { lat: number; lon: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const r of shape.rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const f = r[j] * r[i + 1] - r[i] * r[j + 1];
      a += f;
      cx += (r[j] + r[i]) * f;
      cy += (r[j + 1] + r[i + 1]) * f;
    }
  }
  return { lat: cy / (3 * a), lon: cx / (3 * a) };
}

/** Kilometres per degree of latitude in the equirectangular distances below. */
export const KM_PER_DEG_LAT = 110.57;

/** Kilometres per degree of longitude at latitude `lat` (degrees), equirectangular. */
export function kmPerDegLon(lat: number): number {
  return 111.32 * Math.cos((lat * Math.PI) / 180);
}

/**
 * Distance in km from (lat, lon) to the segment a-b (degrees), in the plane that scales
 * longitude by `kx` km per degree (`kmPerDegLon(lat)`) and latitude by {@link KM_PER_DEG_LAT}.
 * The one segment formula of every boundary distance, so that the service area's grid and
 * the brute-force reference agree to the last bit.
 */
export function segmentDistanceKm(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  lat: number,
  lon: number,
  kx: number,
): number {
  const ax = (x1 - lon) * kx;
  const ay = (y1 - lat) * KM_PER_DEG_LAT;
  const bx = (x2 - lon) * kx;
  const by = (y2 - lat) * KM_PER_DEG_LAT;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * Distance in km from a point to the nearest edge of the shape (equirectangular, good to
 * well under 1% at these latitudes and distances). Used to forgive the simplification error
 * for points just outside a simplified coastline or border, and to measure the service
 * area's buffer.
 */
export function distanceToShapeKm(shape: ProvinceShape, lat: number, lon: number): number {
  const kx = kmPerDegLon(lat);
  let best = Infinity;
  for (const r of shape.rings) {
    for (let i = 2; i < r.length; i += 2) {
      const d = segmentDistanceKm(r[i - 2], r[i - 1], r[i], r[i + 1], lat, lon, kx);
      if (d < best) best = d;
    }
  }
  return best;
}
