import { z } from 'zod';
import { normalisePhone, maskPhone, InvalidPhoneError } from '../../../shared/volunteers/phone.js';
import type { Volunteer } from '../../../shared/types.js';
import type { AppContext } from '../../lib/context.js';
import { logger } from '../../lib/logger.js';
import { VolunteerConflictError } from '../../lib/volunteers-repo.js';
import { json, parseJsonBody, validate, type ApiEvent, type ApiResult } from '../http.js';

const optOutSchema = z.object({
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
});

/** How many times a volunteer changed under us before we give up on that one (optimistic lock). */
const MAX_ATTEMPTS = 3;

async function optOutOne(ctx: AppContext, volunteer: Volunteer): Promise<void> {
  let current: Volunteer | undefined = volunteer;
  for (let attempt = 1; current?.status === 'active'; attempt++) {
    try {
      await ctx.volunteers.put({ ...current, status: 'opted_out', updatedAt: ctx.now() }, current);
      return;
    } catch (err) {
      if (!(err instanceof VolunteerConflictError) || attempt >= MAX_ATTEMPTS) throw err;
      current = await ctx.volunteers.get(volunteer.id);
    }
  }
}

/**
 * POST /api/opt-out `{phone}` (public): the volunteer who owns this number receives no further
 * SMS. SMS STOP replies to a Thai sender ID may never arrive, so the web must offer this too.
 *
 * The answer is always `202 {"ok": true}`, registered number or not: the route must not tell
 * anyone who is a volunteer. The volunteers table has no phone index; the registry is small
 * (hundreds of people per province) and this route is rare and throttled, so listing the
 * profiles and filtering by E.164 costs less than a second index holding every phone number.
 */
export async function publicOptOut(event: ApiEvent, ctx: AppContext): Promise<ApiResult> {
  const { phone } = validate(optOutSchema, parseJsonBody(event));
  const matches = (await ctx.volunteers.list()).filter((v) => v.phone === phone && v.status === 'active');
  for (const volunteer of matches) await optOutOne(ctx, volunteer);
  // Audit line: masked number and count only, never the number itself.
  logger.info('public opt-out', { phone: maskPhone(phone), optedOut: matches.length });
  return json(202, { ok: true });
}
