import { DEFAULT_HOTSPOT_OPTIONS } from '../hotspots/index.js';

const DAY_MS = 86_400_000;

/** The start of the clustering window that ends at `now` (ISO 8601): tips before it no longer count. */
export function windowStart(now: string, windowDays = DEFAULT_HOTSPOT_OPTIONS.windowDays): string {
  return new Date(Date.parse(now) - windowDays * DAY_MS).toISOString();
}
