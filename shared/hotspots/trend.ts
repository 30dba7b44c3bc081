/**
 * Trend of a hotspot across time windows, the emerging-hotspot classes analysts use:
 * `new` (no earlier hotspot matched, or every tip is from the last window), `intensifying`
 * (last window has at least 2 tips and over 1.5x the window before), `diminishing` (last
 * window has under half of the window before), otherwise `persistent`.
 */
import type { ClusterTip } from '../types.js';

/** Trend classes. */
export const TRENDS = ['new', 'intensifying', 'persistent', 'diminishing'] as const;
/** A trend class. */
export type Trend = (typeof TRENDS)[number];

const DAY_MS = 86_400_000;

/** Classifies a hotspot's members; `matched` says whether an earlier hotspot carried over. */
export function hotspotTrend(members: ClusterTip[], now: string, windowDays: number, matched: boolean): Trend {
  const nowMs = Date.parse(now);
  const windowMs = windowDays * DAY_MS;
  let recent = 0;
  let previous = 0;
  for (const tip of members) {
    const age = nowMs - Date.parse(tip.receivedAt);
    if (age < windowMs) recent++;
    else if (age < 2 * windowMs) previous++;
  }
  if (!matched || recent === members.length) return 'new';
  if (recent >= 2 && recent > 1.5 * previous) return 'intensifying';
  if (recent < 0.5 * previous) return 'diminishing';
  return 'persistent';
}
