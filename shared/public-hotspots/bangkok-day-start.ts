/**
 * Rounds an instant down to the start of its Asia/Bangkok calendar day. Public times say on
 * which day something happened, never at what hour: a tipster's message time is as telling as
 * their place. Thailand keeps UTC+07:00 all year, so the day starts at 17:00 UTC the day before.
 */
import { BANGKOK_OFFSET_MINUTES, bangkokDay } from '../alerts/quiet-hours.js';

const MS_PER_MINUTE = 60_000;

/**
 * The start of the Asia/Bangkok day holding `iso`, as an ISO 8601 UTC instant:
 * `2026-12-01T09:30:00+07:00` → `2026-11-30T17:00:00.000Z`. Throws a RangeError on a bad time.
 */
export function bangkokDayStart(iso: string): string {
  // bangkokDay gives the local calendar date; its midnight is that date at 00:00 minus 7 hours.
  const midnightUtcMs = Date.parse(`${bangkokDay(iso)}T00:00:00.000Z`) - BANGKOK_OFFSET_MINUTES * MS_PER_MINUTE;
  return new Date(midnightUtcMs).toISOString();
}
