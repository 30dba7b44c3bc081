/**
 * Test helper: fast-check arbitraries of tips clustered around a point in the southern border
 * provinces (Narathiwat, Pattani, Yala, Songkhla), as the intake would store them.
 */
import fc from 'fast-check';
import { TIP_CATEGORIES, type ClusterTip, type TipCategory } from '../../types.js';

/** The instant the engine runs at in these tests (12:00 Bangkok). */
export const TEST_NOW = '2026-12-02T05:00:00.000Z';
const KM_PER_DEG = 111.195;
const HOUR = 3_600_000;

/** One tip relative to its cluster centre: polar offset (fraction of the radius), age, category. */
export interface TipDraw {
  r: number;
  angle: number;
  /** Hours before {@link TEST_NOW}; the extra milliseconds keep times off round values. */
  ageHours: number;
  ms: number;
  category: TipCategory;
  urgent: boolean;
}

/** A cluster: centre, radius (km) and its tips. */
export interface ClusterDraw {
  lat: number;
  lon: number;
  radiusKm: number;
  tips: TipDraw[];
}

/**
 * A double uniform in value over [min, max]. `fc.double` is uniform over representable doubles,
 * which crowd near 0, and leans to the bounds; an integer scaled down is uniform in value.
 */
export function uniform(min: number, max: number): fc.Arbitrary<number> {
  const STEPS = 1_000_000_000;
  return fc.noBias(fc.integer({ min: 0, max: STEPS })).map((i) => min + ((max - min) * i) / STEPS);
}

/** A tip draw; categories lean to a few common ones so that some pass the 3-tip threshold. */
export const tipDraw: fc.Arbitrary<TipDraw> = fc.record({
  r: uniform(0, 1),
  angle: uniform(0, 2 * Math.PI),
  ageHours: fc.noBias(fc.integer({ min: 0, max: 24 * 25 })),
  ms: fc.noBias(fc.integer({ min: 1, max: HOUR - 1 })),
  category: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<TipCategory>('labour_exploitation', 'forced_fishing') },
    { weight: 2, arbitrary: fc.constantFrom(...TIP_CATEGORIES) },
  ),
  urgent: fc.boolean(),
});

/** A cluster of 4–14 tips within 0.05–0.6 km of a centre in the south (lat 5.7–7.3, lon 100.1–102.1). */
export const clusterDraw: fc.Arbitrary<ClusterDraw> = fc.record({
  lat: uniform(5.7, 7.3),
  lon: uniform(100.1, 102.1),
  radiusKm: uniform(0.05, 0.6),
  tips: fc.array(tipDraw, { minLength: 4, maxLength: 14 }),
});

/** The tip of a draw, `factor` times the cluster radius out at most; ids `${prefix}NNN`. */
export function toTip(c: ClusterDraw, d: TipDraw, id: string, factor = 1): ClusterTip {
  const km = c.radiusKm * factor * Math.sqrt(d.r);
  return {
    id,
    lat: c.lat + (km * Math.sin(d.angle)) / KM_PER_DEG,
    lon: c.lon + (km * Math.cos(d.angle)) / (KM_PER_DEG * Math.cos((c.lat * Math.PI) / 180)),
    receivedAt: new Date(Date.parse(TEST_NOW) - d.ageHours * HOUR - d.ms).toISOString(),
    category: d.category,
    urgent: d.urgent,
  };
}

/** The tips of a cluster draw, ids `${prefix}000`, `${prefix}001`, … */
export function toTips(c: ClusterDraw, prefix = 't'): ClusterTip[] {
  return c.tips.map((d, i) => toTip(c, d, `${prefix}${String(i).padStart(3, '0')}`));
}
