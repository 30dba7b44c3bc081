import { z } from 'zod';
import { CHANNELS, TIP_CATEGORIES } from '../types.js';

/** Latitude/longitude as the contract gives them; accuracy in metres. */
export const locationSchema = z
  .object({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    accuracyM: z.number().nonnegative().max(1_000_000).optional(),
  })
  .strict();

/** The body of `POST /api/tips` (docs/contract.md). Unknown fields are rejected. */
export const tipInputSchema = z
  .object({
    text: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().min(1, 'text must not be empty').max(5000, 'text is limited to 5000 characters')),
    location: locationSchema.optional(),
    address: z.string().trim().min(1).max(500).optional(),
    category: z.enum(TIP_CATEGORIES).default('other'),
    channel: z.enum(CHANNELS).default('web'),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    contact: z
      .object({
        phone: z.string().trim().min(3).max(40),
        consentToContact: z.boolean(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type TipInput = z.infer<typeof tipInputSchema>;
