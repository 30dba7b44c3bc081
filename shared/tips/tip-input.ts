import { z } from 'zod';
import { latitude, longitude, visibleText } from '../api/input-text.js';
import { CHANNELS, TIP_CATEGORIES } from '../types.js';

/** Latitude/longitude as the contract gives them; accuracy in metres (to the decimetre). */
export const locationSchema = z
  .object({
    lat: latitude,
    lon: longitude,
    accuracyM: z
      .number()
      .nonnegative()
      .max(1_000_000)
      .transform((m) => Math.round(m * 10) / 10)
      .optional(),
  })
  .strict();

/** The body of `POST /api/tips` (docs/contract.md). Unknown fields are rejected. */
export const tipInputSchema = z
  .object({
    text: visibleText('text', 5000),
    location: locationSchema.optional(),
    address: visibleText('address', 500).optional(),
    category: z.enum(TIP_CATEGORIES).default('other'),
    channel: z.enum(CHANNELS).default('web'),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    contact: z
      .object({
        phone: visibleText('phone', 40, 3),
        consentToContact: z.boolean(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type TipInput = z.infer<typeof tipInputSchema>;
