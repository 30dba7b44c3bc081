/**
 * Asia/Bangkok clock arithmetic for quiet hours and daily caps. Thailand keeps UTC+07:00
 * all year (no daylight saving since 1920), so a fixed offset is exact and needs no
 * time-zone database (which browsers and Lambda may lack).
 */
import type { QuietHours } from '../types.js';

/** Asia/Bangkok offset from UTC, minutes. */
export const BANGKOK_OFFSET_MINUTES = 7 * 60;
const MINUTES_PER_DAY = 24 * 60;
const MS_PER_MINUTE = 60_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

function bangkokMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 time: ${iso}`);
  return ms + BANGKOK_OFFSET_MINUTES * MS_PER_MINUTE;
}

/** The Asia/Bangkok calendar day of an instant, `YYYY-MM-DD` (the daily cap's bucket). */
export function bangkokDay(iso: string): string {
  return new Date(bangkokMs(iso)).toISOString().slice(0, 10);
}

/** Minutes since Asia/Bangkok midnight at an instant. */
function bangkokMinuteOfDay(iso: string): number {
  return Math.floor(bangkokMs(iso) / MS_PER_MINUTE) % MINUTES_PER_DAY;
}

/**
 * Whether an instant falls inside quiet hours. `start` is inclusive, `end` exclusive;
 * `start > end` spans midnight (21:00–06:00).
 */
export function inQuietHours(quiet: QuietHours | undefined, iso: string): boolean {
  if (!quiet) return false;
  const now = bangkokMinuteOfDay(iso);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The next instant (ISO, UTC) at which quiet hours end, counted from `iso`. */
export function quietHoursEnd(quiet: QuietHours, iso: string): string {
  const now = bangkokMinuteOfDay(iso);
  const wait = (minutesOf(quiet.end) - now + MINUTES_PER_DAY) % MINUTES_PER_DAY || MINUTES_PER_DAY;
  const startOfMinute = Math.floor(Date.parse(iso) / MS_PER_MINUTE) * MS_PER_MINUTE;
  return new Date(startOfMinute + wait * MS_PER_MINUTE).toISOString();
}
