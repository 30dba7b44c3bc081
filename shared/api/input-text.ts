/**
 * Schema pieces every route's input shares, so hostile input is refused the same way
 * everywhere: text must be well-formed Unicode with something visible in it, and numbers must
 * be ones DynamoDB can store (it refuses magnitudes below 1e-130).
 */
import { z } from 'zod';

/** A lone surrogate: JSON can carry it, strict parsers of our output would choke on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Something a person can see: a letter, digit, punctuation or symbol (not only spaces or zero-width marks). */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
/**
 * Blank characters Unicode files as letters or symbols, so {@link VISIBLE} alone lets them
 * through: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0, category Lo) and the Braille
 * blank (U+2800, So). Each renders as empty space.
 */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Whether `s` has at least one character a person can see. */
export function hasVisibleText(s: string): boolean {
  return VISIBLE.test(s.replace(BLANK_LETTERS, ''));
}

/** Trimmed text of `min`–`max` characters with at least one visible character. */
export function visibleText(field: string, max: number, min = 1) {
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, `${field} must not be empty`)
        .max(max, `${field} is limited to ${max} characters`)
        .refine((s) => !LONE_SURROGATE.test(s), `${field} is not valid Unicode text`)
        .refine(hasVisibleText, `${field} has no visible characters`),
    );
}

/** Degrees to 7 decimals (~1 cm): finer is noise, and a value like 1e-131 could not be stored. */
const round7 = (v: number) => Math.round(v * 1e7) / 1e7 + 0;

/** A latitude in degrees, stored to 7 decimals. */
export const latitude = z.number().min(-90).max(90).transform(round7);
/** A longitude in degrees, stored to 7 decimals. */
export const longitude = z.number().min(-180).max(180).transform(round7);

/** A point as the contract gives it: `{lat, lon}`, nothing else. */
export const pointSchema = z.object({ lat: latitude, lon: longitude }).strict();
