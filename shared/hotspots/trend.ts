/**
 * Trend of a hotspot across time windows, the emerging-hotspot classes analysts use:
 * `new` (no earlier hotspot matched, or every tip is from the last window), `intensifying`
 * (last window has at least 2 tips and over 1.5x the window before), `diminishing` (last
 * window has under half of the window before), otherwise `persistent`.
 */

import type { HotspotTrend } from '../types.js';

/** Trend classes. */
export const TRENDS = ['new', 'intensifying', 'persistent', 'diminishing'] as const satisfies readonly HotspotTrend[];
/** A trend class. */
export type Trend = HotspotTrend;

const DAY_MS = 86_400_000;

/**
 * Classifies a hotspot from its members' receive times (epoch ms) at `nowMs`; `matched` says
 * whether an earlier hotspot carried over.
 */
export function hotspotTrend(
  receivedMs: ArrayLike<number>,
  nowMs: number,
  windowDays: number,
  matched: boolean,
): Trend {
  const windowMs = windowDays * DAY_MS;
  let recent = 0;
  let previous = 0;
  for (let i = 0; i < receivedMs.length; i++) {
    const age = nowMs - receivedMs[i];
    if (age < windowMs) recent++;
    else if (age < 2 * windowMs) previous++;
  }
  if (!matched || recent === receivedMs.length) return 'new';
  if (recent >= 2 && recent > 1.5 * previous) return 'intensifying';
  if (recent < 0.5 * previous) return 'diminishing';
  return 'persistent';
}
