/** Which tips count: received inside the window, not dismissed, at a position the engine can draw. */
import type { ClusterTip } from '../types.js';
import { HotspotInputError } from './errors.js';
import { isoMs } from './time.js';

const DAY_MS = 86_400_000;

/**
 * Farthest latitude a tip is clustered at, degrees. The buffered hull is drawn on a local plane
 * that degenerates at the poles (four tips at latitude 90 once made a polygon with longitudes
 * of ±4.4e13); no service area reaches past this, the limit of Web Mercator maps.
 */
export const MAX_CLUSTER_LAT = 85;

/**
 * The window test at `now`: for a tip received within `windowDays` before `now` (and not
 * after it), with a finite position within {@link MAX_CLUSTER_LAT}, not dismissed, its
 * receive time in epoch ms; NaN for any other tip.
 */
export function windowTest(now: string, windowDays: number): (t: ClusterTip) => number {
  const nowMs = isoMs(now);
  if (!Number.isFinite(nowMs)) throw new HotspotInputError(`now must be an ISO 8601 time, got ${now}`);
  const since = nowMs - windowDays * DAY_MS;
  return (t) => {
    const at = isoMs(t.receivedAt);
    const counts =
      at > since &&
      at <= nowMs &&
      t.status !== 'dismissed' &&
      Number.isFinite(t.lat) &&
      Number.isFinite(t.lon) &&
      Math.abs(t.lat) <= MAX_CLUSTER_LAT &&
      Math.abs(t.lon) <= 180;
    return counts ? at : Number.NaN;
  };
}

/** The tips of {@link windowTest}, in input order. */
export function inWindow(tips: ClusterTip[], now: string, windowDays: number): ClusterTip[] {
  const test = windowTest(now, windowDays);
  return tips.filter((t) => !Number.isNaN(test(t)));
}
