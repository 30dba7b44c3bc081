import { DEFAULT_HOTSPOT_OPTIONS } from '../../shared/hotspots/index.js';

/** The start of the clustering window that ends at `now` (ISO 8601). */
export function windowStart(now: string): string {
  return new Date(Date.parse(now) - DEFAULT_HOTSPOT_OPTIONS.windowDays * 86_400_000).toISOString();
}
