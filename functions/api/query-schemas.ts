/**
 * Query-string schemas. Every route's query is a strict object: an unknown key is a 400, so
 * `?constructor=1` is refused rather than looked up. Numbers are plain decimals: an empty
 * value or `0x10` is not a coordinate.
 */
import { z } from 'zod';

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal number in a query string, between `min` and `max`. */
export function decimal(name: string, min: number, max: number) {
  return z
    .string()
    .regex(DECIMAL, `${name} must be a decimal number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));
}

/** `?lat=&lon=` of a point. */
export const pointQuery = z.object({ lat: decimal('lat', -90, 90), lon: decimal('lon', -180, 180) }).strict();

/** An ISO 8601 time with an offset, normalised to UTC. */
export const isoTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

/** An integer page size from 1 to `max`. */
export function pageSize(max: number) {
  return z
    .string()
    .regex(/^\d{1,6}$/, 'limit must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'limit must be at least 1').max(max, `limit must be at most ${max}`));
}
