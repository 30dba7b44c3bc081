/**
 * Getis-Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) of a hotspot on a hexagonal grid.
 *
 * Grid: pointy-top hexagons of circumradius `hexSizeKm` in a fixed equirectangular projection
 * centred on latitude 6.5° (the southern border provinces), so a tip always falls in the same
 * hexagon whoever computes it. Values: tips per hexagon over the whole window.
 * Study area: every hexagon whose centre lies in the hotspot's bounding box grown by
 * `giStudyRadiusKm` (a local reference area, so the statistic depends only on nearby tips and
 * an incremental update can reproduce it). Neighbourhood (binary weights, self included): the
 * hexagons holding the hotspot's tips and their six neighbours.
 * Gi* = (sum_S x - mean * |S|) / (sd * sqrt((n |S| - |S|^2) / (n - 1))).
 */
import { EARTH_RADIUS_KM } from '../geo/haversine.js';

const KM_PER_DEG = (Math.PI * EARTH_RADIUS_KM) / 180;
/** Reference latitude of the hexagon projection, degrees. */
export const HEX_REF_LAT = 6.5;
const KX = KM_PER_DEG * Math.cos((HEX_REF_LAT * Math.PI) / 180);
const SQRT3 = Math.sqrt(3);
/** Axial offsets of the six neighbours of a hexagon. */
const RING1 = [[1, 0], [1, -1], [0, -1], [-1, 0], [-1, 1], [0, 1]];
/**
 * Axial coordinates are packed into one small integer (15 bits each, wrapping), which V8 keeps
 * unboxed in Maps; two hexagons alias only 2^15 hexagons (~28,000 km at 0.5 km) apart.
 */
const MASK = 0x7fff;

/** Gi* z-score thresholds (two-sided normal) for 99, 95 and 90 % confidence. */
export const GI_CONFIDENCE = [
  { z: 2.576, level: 99 },
  { z: 1.96, level: 95 },
  { z: 1.645, level: 90 },
] as const;

/** Axial coordinates `[q, r]` of the hexagon holding a point. */
export function hexAxial(lat: number, lon: number, hexSizeKm: number): [number, number] {
  const x = lon * KX;
  const y = lat * KM_PER_DEG;
  const q = ((SQRT3 / 3) * x - y / 3) / hexSizeKm;
  const r = ((2 / 3) * y) / hexSizeKm;
  return cubeRound(q, r);
}

/** Packed key of the hexagon holding a point. */
export function hexKey(lat: number, lon: number, hexSizeKm: number): number {
  const [q, r] = hexAxial(lat, lon, hexSizeKm);
  return pack(q, r);
}

function pack(q: number, r: number): number {
  return ((q & MASK) << 15) | (r & MASK);
}

function cubeRound(q: number, r: number): [number, number] {
  const s = -q - r;
  let rq = Math.round(q);
  let rr = Math.round(r);
  const rs = Math.round(s);
  const dq = Math.abs(rq - q);
  const dr = Math.abs(rr - r);
  const ds = Math.abs(rs - s);
  if (dq > dr && dq > ds) rq = -rr - rs;
  else if (dr > ds) rr = -rq - rs;
  return [rq, rr];
}

/** Tip counts per hexagon. */
export function hexCounts(lats: ArrayLike<number>, lons: ArrayLike<number>, hexSizeKm: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < lats.length; i++) {
    const k = hexKey(lats[i], lons[i], hexSizeKm);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** A bounding box in degrees. */
export interface DegBox {
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

/** Gi* z-score (rounded to 0.01) and confidence level (99, 95, 90, or 0 when not significant). */
export function giStar(
  members: ReadonlyArray<{ lat: number; lon: number }>,
  box: DegBox,
  counts: Map<number, number>,
  options: { hexSizeKm: number; giStudyRadiusKm: number },
): { giZ: number; giConfidence: number } {
  const s = options.hexSizeKm;
  const grow = options.giStudyRadiusKm;
  const xMin = box.minLon * KX - grow;
  const xMax = box.maxLon * KX + grow;
  const yMin = box.minLat * KM_PER_DEG - grow;
  const yMax = box.maxLat * KM_PER_DEG + grow;
  const hood = new Set<number>();
  const seen = new Set<number>();
  for (const m of members) {
    const [q, r] = hexAxial(m.lat, m.lon, s);
    const key = pack(q, r);
    if (seen.has(key)) continue;
    seen.add(key);
    hood.add(key);
    for (const [dq, dr] of RING1) hood.add(pack(q + dq, r + dr));
  }
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let hoodSum = 0;
  let hoodSize = 0;
  for (let r = Math.ceil(yMin / (1.5 * s)); r <= Math.floor(yMax / (1.5 * s)); r++) {
    const qMin = Math.ceil(xMin / (SQRT3 * s) - r / 2);
    const qMax = Math.floor(xMax / (SQRT3 * s) - r / 2);
    for (let q = qMin; q <= qMax; q++) {
      const key = pack(q, r);
      const x = counts.get(key) ?? 0;
      n++;
      sum += x;
      sumSq += x * x;
      if (hood.has(key)) {
        hoodSum += x;
        hoodSize++;
      }
    }
  }
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  const denom = sd * Math.sqrt((n * hoodSize - hoodSize * hoodSize) / (n - 1));
  const z = n > 1 && denom > 0 ? (hoodSum - mean * hoodSize) / denom : 0;
  const giZ = Math.round(z * 100) / 100;
  const giConfidence = GI_CONFIDENCE.find((c) => z >= c.z)?.level ?? 0;
  return { giZ, giConfidence };
}
