/** Tunable parameters of the hotspot engine, with their defaults and reasons. */
import type { RiskLevel, TipCategory } from '../types.js';
import { HotspotInputError } from './errors.js';

/** Options of the hotspot engine; every field has a default in {@link DEFAULT_HOTSPOT_OPTIONS}. */
export interface HotspotOptions {
  /** DBSCAN neighbourhood radius, km. */
  epsKm: number;
  /** DBSCAN core threshold, the tip itself included. */
  minPoints: number;
  /** Tips older than this (by `receivedAt`) no longer count, days. */
  windowDays: number;
  /** A tip's risk weight halves every this many days (exponential decay). */
  riskHalfLifeDays: number;
  /** Buffer around the convex hull of a hotspot's tips, km (a line or a pair still has an area). */
  bufferKm: number;
  /** Tip positions are snapped to this grid before the hull, degrees (~110 m), so no vertex is an exact tip. */
  snapDeg: number;
  /** Lower risk-score bounds of `medium`, `high` and `critical`. */
  riskThresholds: { medium: number; high: number; critical: number };
  /** Severity weight of one tip per category. */
  categorySeverity: Record<TipCategory, number>;
  /** Extra weight of a tip flagged urgent (multiplier). */
  urgentMultiplier: number;
  /** Circumradius of the Gi* hexagons, km. */
  hexSizeKm: number;
  /** Gi* study window: hotspot bounding box grown by this much, km. */
  giStudyRadiusKm: number;
  /** Trend compares the last `trendWindowDays` with the `trendWindowDays` before. */
  trendWindowDays: number;
}

/** Defaults. Risk level from score: below `medium` is `low`. */
export const DEFAULT_HOTSPOT_OPTIONS: HotspotOptions = {
  epsKm: 0.75, // a village cluster: tips within ~10 minutes' walk
  minPoints: 4, // 4 tips within eps: one report plus 3 corroborations
  windowDays: 30, // coordinators review monthly; older tips are history
  riskHalfLifeDays: 14, // a fortnight-old tip weighs half a fresh one
  bufferKm: 0.3, // also hides hull vertices from the public map
  snapDeg: 0.001, // ~111 m in latitude
  // Score = sum of severity x decay x urgency, times reporter diversity (0.5..1).
  // Six fresh labour tips from six people score 12 (high); four fresh `other` tips score 4 (low).
  riskThresholds: { medium: 5, high: 10, critical: 20 },
  categorySeverity: {
    child_labour: 3,
    sexual_exploitation: 3,
    forced_fishing: 2.5,
    debt_bondage: 2,
    forced_begging: 2,
    labour_exploitation: 2,
    document_confiscation: 1.5,
    cross_border_movement: 1.5,
    other: 1,
  },
  urgentMultiplier: 1.5,
  hexSizeKm: 0.5, // hex centres ~0.87 km apart, close to eps
  giStudyRadiusKm: 5, // local reference area: about a tambon around the hotspot
  trendWindowDays: 7,
};

/** Public hotspots need at least this many tips (privacy rule, docs/field-notes.md). */
export const MIN_PUBLIC_TIPS = 3;

/** Fills missing options with defaults and checks them; throws {@link HotspotInputError}. */
export function resolveOptions(options: Partial<HotspotOptions> = {}): HotspotOptions {
  const o = { ...DEFAULT_HOTSPOT_OPTIONS, ...options };
  for (const key of [
    'epsKm',
    'minPoints',
    'windowDays',
    'riskHalfLifeDays',
    'hexSizeKm',
    'trendWindowDays',
    'giStudyRadiusKm',
  ] as const) {
    if (!(o[key] > 0) || !Number.isFinite(o[key]))
      throw new HotspotInputError(`hotspot option ${key} must be a finite number > 0, got ${o[key]}`);
  }
  return o;
}

/** Maps a risk score to its level by `thresholds`. */
export function riskLevelOf(score: number, thresholds: HotspotOptions['riskThresholds']): RiskLevel {
  if (score >= thresholds.critical) return 'critical';
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}
