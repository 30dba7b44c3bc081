/**
 * Query-string schemas. Every route's query is a strict object: an unknown key is a 400, so
 * `?constructor=1` is refused rather than looked up (a route without a query takes
 * {@link noQuery}). Numbers are plain decimals: an empty value or `0x10` is not a coordinate.
 */
import { z } from 'zod';
import { latitude, longitude } from '../../shared/api/input-text.js';

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The query of a route that takes none: any key is a 400. */
export const noQuery = z.object({}).strict();

/** A decimal number in a query string, between `min` and `max`. */
export function decimal(name: string, min: number, max: number) {
  return z
    .string()
    .regex(DECIMAL, `${name} must be a decimal number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));
}

/**
 * Degrees in a query string, then the body's rules: rounded to 7 decimals, so that
 * `0.000…0001` (1e-140) never reaches DynamoDB, which refuses magnitudes below 1e-130.
 */
const degrees = (name: string, axis: typeof latitude, limit: number) => decimal(name, -limit, limit).pipe(axis);

/** A latitude in a query string. */
export const latitudeQuery = (name = 'lat') => degrees(name, latitude, 90);
/** A longitude in a query string. */
export const longitudeQuery = (name = 'lon') => degrees(name, longitude, 180);

/** `?lat=&lon=` of a point. */
export const pointQuery = z.object({ lat: latitudeQuery(), lon: longitudeQuery() }).strict();

/**
 * Years a query time may name. Nothing was recorded before 1970, and the stores' open upper
 * bound (`'9'`) sorts before the years 9000 and later, which DynamoDB would refuse as a range.
 */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2999;

/** An ISO 8601 time with an offset, normalised to UTC, in the years 1970–2999. */
export const isoTime = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s).toISOString())
  .refine((s) => {
    const year = Number(s.slice(0, 4));
    return /^\d{4}-/.test(s) && year >= FIRST_YEAR && year <= LAST_YEAR;
  }, `times are limited to the years ${FIRST_YEAR}–${LAST_YEAR}`);

/** `since` and `until` of a listing, both optional. */
export const timeRange = { since: isoTime.optional(), until: isoTime.optional() };

/** Whether `since` is not after `until` (a reversed range is a 400, not an empty page or a database error). */
export const inOrder = (q: { since?: string; until?: string }) => !q.since || !q.until || q.since <= q.until;
/** The message of {@link inOrder}. */
export const IN_ORDER = { message: 'since must not be after until', path: ['since'] };

/** `west,south,east,north` in decimal degrees, each rounded like a coordinate. */
export const bboxQuery = z
  .string()
  .max(200, 'bbox is west,south,east,north in decimal degrees')
  .transform((s) => s.split(','))
  .pipe(
    z
      .tuple([longitudeQuery('west'), latitudeQuery('south'), longitudeQuery('east'), latitudeQuery('north')])
      .refine(([w, s, e, n]) => w <= e && s <= n, 'bbox is west,south,east,north'),
  );

/** An integer page size from 1 to `max`. */
export function pageSize(max: number) {
  return z
    .string()
    .regex(/^\d{1,6}$/, 'limit must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'limit must be at least 1').max(max, `limit must be at most ${max}`));
}
