/**
 * Schemas of the volunteer routes (`POST /api/volunteers`, `PATCH /api/volunteers/{id}`).
 * Phone numbers are normalised to E.164 here, at the edge, so the rest of the system only
 * ever sees E.164.
 */
import { z } from 'zod';
import { pointSchema, visibleText } from '../api/input-text.js';
import { LANGUAGES } from '../types.js';
import { MAX_RADIUS_KM } from './volunteer-cells.js';
import { InvalidPhoneError } from './errors.js';
import { normalisePhone } from './phone.js';

/** `HH:MM`, 24-hour, Asia/Bangkok. */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour HH:MM, e.g. 21:30');

const phoneSchema = z
  .string()
  .max(40, 'the phone number is too long')
  .transform((value, ctx) => {
    try {
      return normalisePhone(value);
    } catch (err) {
      ctx.addIssue({
        code: 'custom',
        message: err instanceof InvalidPhoneError ? err.message : 'invalid phone number',
      });
      return z.NEVER;
    }
  });

/** Smallest alert radius, km: a hotspot is drawn at least this wide (hull buffer), so a smaller circle means nothing. */
export const MIN_RADIUS_KM = 0.1;

/** Default alert radius, km: a sub-district and its neighbours. */
export const DEFAULT_RADIUS_KM = 5;

const fields = {
  name: visibleText('name', 100),
  phone: phoneSchema,
  location: pointSchema,
  radiusKm: z
    .number()
    .min(MIN_RADIUS_KM, `radiusKm must be at least ${MIN_RADIUS_KM} km`)
    .max(MAX_RADIUS_KM, `radiusKm is limited to ${MAX_RADIUS_KM} km`)
    .transform((km) => Math.round(km * 1000) / 1000),
  language: z.enum(LANGUAGES),
  quietHours: z
    .object({ start: hhmm, end: hhmm })
    .strict()
    .refine((q) => q.start !== q.end, 'quietHours start and end must differ'),
};

/** Body of `POST /api/volunteers`. Unknown fields are rejected, as in every body. */
export const volunteerInputSchema = z
  .object({
    ...fields,
    radiusKm: fields.radiusKm.default(DEFAULT_RADIUS_KM),
    language: fields.language.default('th'),
    quietHours: fields.quietHours.optional(),
  })
  .strict();
export type VolunteerInput = z.infer<typeof volunteerInputSchema>;

/** Body of `PATCH /api/volunteers/{id}`: any subset; `quietHours: null` clears them. */
export const volunteerPatchSchema = z
  .object({
    ...fields,
    quietHours: fields.quietHours.nullable(),
    status: z.enum(['active', 'opted_out']),
  })
  .strict()
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'the patch changes nothing; send at least one field');
export type VolunteerPatch = z.infer<typeof volunteerPatchSchema>;
