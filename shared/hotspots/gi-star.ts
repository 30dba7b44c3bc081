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
/** Axial offsets of a hexagon itself and its six neighbours. */
const RING0_1 = [
  [0, 0],
  [1, 0],
  [1, -1],
  [0, -1],
  [-1, 0],
  [-1, 1],
  [0, 1],
];
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

/** Tip counts per hexagon, with per-row running sums for fast sums over a study window. */
export interface HexCounts {
  /** Count per packed hexagon key. */
  byKey: Map<number, number>;
  /** Per row `r`: occupied `q`s ascending, and running sums of counts and squared counts. */
  rows: Map<number, { qs: Int32Array; cum: Float64Array; cumSq: Float64Array }>;
}

/** Axial coordinates fit in 21 bits each around this offset, so a hexagon is one exact float key. */
const AXIAL_OFFSET = 2 ** 20;

/**
 * Counts tips per hexagon. The hexagons of all tips are sorted as numbers and counted in runs
 * (Maps of a million entries were the cost of a full recomputation).
 */
export function hexCounts(lats: ArrayLike<number>, lons: ArrayLike<number>, hexSizeKm: number): HexCounts {
  const keys = new Float64Array(lats.length);
  for (let i = 0; i < lats.length; i++) {
    const [q, r] = hexAxial(lats[i], lons[i], hexSizeKm);
    keys[i] = (r + AXIAL_OFFSET) * 2 ** 21 + (q + AXIAL_OFFSET);
  }
  keys.sort();
  const byKey = new Map<number, number>();
  const rows: HexCounts['rows'] = new Map();
  let i = 0;
  while (i < keys.length) {
    const r = Math.floor(keys[i] / 2 ** 21) - AXIAL_OFFSET;
    // One row: hexagons in ascending q, with their counts.
    const qs: number[] = [];
    const counts: number[] = [];
    while (i < keys.length && Math.floor(keys[i] / 2 ** 21) - AXIAL_OFFSET === r) {
      let j = i;
      while (j < keys.length && keys[j] === keys[i]) j++;
      const q = (keys[i] % 2 ** 21) - AXIAL_OFFSET;
      qs.push(q);
      counts.push(j - i);
      const key = pack(q, r);
      byKey.set(key, (byKey.get(key) ?? 0) + (j - i));
      i = j;
    }
    const cum = new Float64Array(qs.length + 1);
    const cumSq = new Float64Array(qs.length + 1);
    counts.forEach((x, k) => {
      cum[k + 1] = cum[k] + x;
      cumSq[k + 1] = cumSq[k] + x * x;
    });
    rows.set(r, { qs: Int32Array.from(qs), cum, cumSq });
  }
  return { byKey, rows };
}

/** A bounding box in degrees. */
export interface DegBox {
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

/** Gi* z-score (rounded to 0.01) and confidence level (99, 95, 90, or 0 when not significant) of the members at `lats`/`lons`. */
export function giStar(
  lats: ArrayLike<number>,
  lons: ArrayLike<number>,
  box: DegBox,
  counts: HexCounts,
  options: { hexSizeKm: number; giStudyRadiusKm: number },
): { giZ: number; giConfidence: number } {
  const s = options.hexSizeKm;
  const grow = options.giStudyRadiusKm;
  const xMin = box.minLon * KX - grow;
  const xMax = box.maxLon * KX + grow;
  const rMin = Math.ceil((box.minLat * KM_PER_DEG - grow) / (1.5 * s));
  const rMax = Math.floor((box.maxLat * KM_PER_DEG + grow) / (1.5 * s));
  // Study window: hexagons whose centre lies in the grown box, row by row.
  const qMin = (r: number) => Math.ceil(xMin / (SQRT3 * s) - r / 2);
  const qMax = (r: number) => Math.floor(xMax / (SQRT3 * s) - r / 2);
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let r = rMin; r <= rMax; r++) {
    const lo = qMin(r);
    const hi = qMax(r);
    if (hi < lo) continue;
    n += hi - lo + 1;
    const row = counts.rows.get(r);
    if (!row) continue;
    const a = lowerBound(row.qs, lo);
    const b = lowerBound(row.qs, hi + 1);
    sum += row.cum[b] - row.cum[a];
    sumSq += row.cumSq[b] - row.cumSq[a];
  }
  // Neighbourhood: the members' hexagons and their rings, by packed key.
  const hood = new Map<number, [number, number]>();
  const memberHexes = new Set<number>();
  for (let i = 0; i < lats.length; i++) {
    const [q, r] = hexAxial(lats[i], lons[i], s);
    const key = pack(q, r);
    if (memberHexes.has(key)) continue;
    memberHexes.add(key);
    for (const [dq, dr] of RING0_1) hood.set(pack(q + dq, r + dr), [q + dq, r + dr]);
  }
  let hoodSum = 0;
  let hoodSize = 0;
  for (const [key, [q, r]] of hood) {
    if (r < rMin || r > rMax || q < qMin(r) || q > qMax(r)) continue;
    hoodSum += counts.byKey.get(key) ?? 0;
    hoodSize++;
  }
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  const denom = sd * Math.sqrt((n * hoodSize - hoodSize * hoodSize) / (n - 1));
  const z = n > 1 && denom > 0 ? (hoodSum - mean * hoodSize) / denom : 0;
  const giZ = Math.round(z * 100) / 100;
  const giConfidence = GI_CONFIDENCE.find((c) => z >= c.z)?.level ?? 0;
  return { giZ, giConfidence };
}

// One copy per typed-array type on purpose: it runs in the engine's hottest loops, where a
// call site that sees a single array type stays monomorphic for V8.
function lowerBound(arr: Int32Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
