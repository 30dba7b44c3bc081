/**
 * Bit-exact replicas of the arithmetic `turf.clustersDbscan` (@turf/turf 7.4) uses to decide
 * whether two points are neighbours: the rbush bounding-box prefilter around the query point
 * and `@turf/distance` (haversine). DBSCAN labels flip on a single ulp at exactly `eps`, so
 * every expression keeps turf's operation order (see node_modules/@turf/clusters-dbscan,
 * @turf/distance and @turf/helpers). Longitudes are used raw, as turf does: nothing is
 * wrapped at the antimeridian (a point at 181° is simply east of one at 179°).
 */

/** Earth radius in metres, turf's `earthRadius`. */
const EARTH_RADIUS_M = 63710088e-1;

/** Turf's length units and their factors (earth radius in that unit), from @turf/helpers. */
export const LENGTH_FACTORS = {
  kilometers: EARTH_RADIUS_M / 1000,
  kilometres: EARTH_RADIUS_M / 1000,
  meters: EARTH_RADIUS_M,
  metres: EARTH_RADIUS_M,
  miles: EARTH_RADIUS_M / 1609.344,
  nauticalmiles: EARTH_RADIUS_M / 1852,
  degrees: 360 / (2 * Math.PI),
  radians: 1,
} as const;

/** A length unit accepted by {@link neighbourMetric}. */
export type LengthUnit = keyof typeof LENGTH_FACTORS;

/** Turf's `degreesToRadians`, same operation order. */
export function degToRadTurf(degrees: number): number {
  return ((degrees % 360) * Math.PI) / 180;
}

/** Turf's `lengthToDegrees(distance, units)`. */
export function lengthToDegreesTurf(distance: number, unit: LengthUnit): number {
  const radians = distance / LENGTH_FACTORS[unit];
  return ((radians % (2 * Math.PI)) * 180) / Math.PI;
}

/**
 * Half-width in degrees of longitude of turf's query box around a point at `lat`, given the
 * half-height `latDeg` (turf widens by the latitude of the box edge farther from the equator,
 * and uses `latDeg` itself when the box straddles the equator).
 */
export function lonHalfWidthDeg(lat: number, latDeg: number): number {
  const minY = Math.max(lat - latDeg, -90);
  const maxY = Math.min(lat + latDeg, 90);
  if (minY < 0 && maxY > 0) return latDeg;
  if (Math.abs(minY) < Math.abs(maxY)) return latDeg / Math.cos(degToRadTurf(maxY));
  return latDeg / Math.cos(degToRadTurf(minY));
}

/**
 * The neighbour test of `turf.clustersDbscan`, precomputed for one point set.
 * `isNeighbour(p, q)` is turf's "q is in p's region query" and is NOT always symmetric:
 * the box is built around `p`, and `@turf/distance` multiplies `cos(lat_p) * cos(lat_q)`
 * in that order.
 */
export interface NeighbourMetric {
  /** Half-height of every query box, degrees of latitude. */
  latDeg: number;
  /** Half-width of each point's query box, degrees of longitude. */
  lonDeg: Float64Array;
  /** `cos(lat)` of each point as turf computes it. */
  cosLat: Float64Array;
  /** Is `q` in `p`'s bounding box (inclusive, like rbush)? */
  inBox(p: number, q: number): boolean;
  /** Turf's haversine distance from `p` to `q`, in the metric's unit. */
  distance(p: number, q: number): number;
  /** turf: `q` is a neighbour of `p` (box and `distance <= maxDistance`). */
  isNeighbour(p: number, q: number): boolean;
  /** Both directions at once: 1 mutual neighbours, 0 neither, -1 only one way. */
  mutual(p: number, q: number): number;
}

/** Builds the {@link NeighbourMetric} for points given as parallel degree arrays. */
export function neighbourMetric(
  lats: Float64Array,
  lons: Float64Array,
  maxDistance: number,
  unit: LengthUnit = 'kilometers',
): NeighbourMetric {
  const n = lats.length;
  const factor = LENGTH_FACTORS[unit];
  const latDeg = lengthToDegreesTurf(maxDistance, unit);
  const lonDeg = new Float64Array(n);
  const cosLat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lonDeg[i] = lonHalfWidthDeg(lats[i], latDeg);
    cosLat[i] = Math.cos(degToRadTurf(lats[i]));
  }
  const inBox = (p: number, q: number): boolean => {
    const x = lons[p];
    const y = lats[p];
    const qx = lons[q];
    const qy = lats[q];
    return (
      qy >= Math.max(y - latDeg, -90) &&
      qy <= Math.min(y + latDeg, 90) &&
      qx >= Math.max(x - lonDeg[p], -360) &&
      qx <= Math.min(x + lonDeg[p], 360)
    );
  };
  const distance = (p: number, q: number): number => {
    const dLat = degToRadTurf(lats[q] - lats[p]);
    const dLon = degToRadTurf(lons[q] - lons[p]);
    const sLat = Math.sin(dLat / 2);
    const sLon = Math.sin(dLon / 2);
    // Turf writes Math.pow(s, 2); V8's pow returns exactly s * s for exponent 2 (fdlibm's
    // special case, checked on 2e7 values and by the equivalence tests), and s * s is faster.
    const a = sLat * sLat + sLon * sLon * cosLat[p] * cosLat[q];
    return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * factor;
  };
  const isNeighbour = (p: number, q: number): boolean => inBox(p, q) && distance(p, q) <= maxDistance;
  const mutual = (p: number, q: number): number => {
    const boxPQ = inBox(p, q);
    const boxQP = inBox(q, p);
    if (!boxPQ && !boxQP) return 0;
    const d = distance(p, q);
    // The reverse distance differs only in the order of one product (a few ulps): it can
    // only change the verdict right at maxDistance.
    const forward = boxPQ && d <= maxDistance;
    const near = Math.abs(d - maxDistance) <= 1e-9 * maxDistance;
    const backward = boxQP && (near ? distance(q, p) : d) <= maxDistance;
    return forward === backward ? (forward ? 1 : 0) : -1;
  };
  return { latDeg, lonDeg, cosLat, inBox, distance, isNeighbour, mutual };
}
