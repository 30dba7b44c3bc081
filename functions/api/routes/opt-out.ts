import { z } from 'zod';
import type { OptOutAccepted } from '../../../shared/api/wire.js';
import { optOutByPhone } from '../../../shared/core/public-opt-out.js';
import { InvalidPhoneError } from '../../../shared/volunteers/errors.js';
import { maskPhone, normalisePhone } from '../../../shared/volunteers/phone.js';
import { json, parseJsonBody, validate } from '../http.js';
import type { RouteHandler } from '../router.js';

const optOutSchema = z
  .object({
    phone: z
      .string()
      .max(40, 'the phone number is too long')
      .transform((value, issue) => {
        try {
          return normalisePhone(value);
        } catch (err) {
          issue.addIssue({
            code: 'custom',
            message: err instanceof InvalidPhoneError ? err.message : 'invalid phone number',
          });
          return z.NEVER;
        }
      }),
  })
  .strict();

/**
 * POST /api/opt-out `{phone}` (public): the volunteer who owns this number receives no further
 * SMS. SMS STOP replies to a Thai sender ID may never arrive, so the web must offer this too.
 * The answer is always `202 {"ok": true}`, registered number or not.
 */
export const publicOptOut: RouteHandler = async ({ event }, ctx) => {
  const { phone } = validate(optOutSchema, parseJsonBody(event));
  const optedOut = await optOutByPhone(ctx, phone);
  // Audit line: masked number and count only, never the number itself.
  ctx.log.info('public opt-out', { phone: maskPhone(phone), optedOut });
  const body: OptOutAccepted = { ok: true };
  return json(202, body);
};
