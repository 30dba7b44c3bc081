import { z } from 'zod';
import type { OptOutAccepted, OptOutConfirmed } from '../../../shared/api/wire.js';
import { confirmOptOut as confirm, requestOptOut } from '../../../shared/core/public-opt-out.js';
import { InvalidPhoneError } from '../../../shared/volunteers/errors.js';
import { normalisePhone } from '../../../shared/volunteers/phone.js';
import { header, json, parseJsonBody, validate, type ApiEvent } from '../http.js';
import { noQuery } from '../query-schemas.js';
import type { RouteHandler } from '../router.js';
import type { Config } from '../../composition/config.js';

/** The body of `POST /api/opt-out`. */
export const optOutSchema = z
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
 * The client, for its rate limit: in AWS the viewer address CloudFront puts in
 * `CloudFront-Viewer-Address` (a client cannot forge it, unlike `X-Forwarded-For`), locally the
 * socket's address. Only a pseudonym of it is ever stored.
 */
export function clientKeyOf(event: ApiEvent, config: Pick<Config, 'mode'>): string {
  const viewer = config.mode === 'aws' ? header(event, 'cloudfront-viewer-address') : undefined;
  const address = viewer?.replace(/:\d+$/, '') ?? event.requestContext?.identity?.sourceIp ?? 'unknown';
  return address;
}

/**
 * POST /api/opt-out `{phone}` (public): asks to stop alert SMS to this number. Always `202`,
 * in the same time whatever the number: the work happens after the answer, and the number's
 * owner confirms through a one-time SMS link.
 */
export const publicOptOut: RouteHandler = async ({ event, query }, ctx) => {
  validate(noQuery, query);
  const { phone } = validate(optOutSchema, parseJsonBody(event));
  await requestOptOut(ctx, phone, clientKeyOf(event, ctx.config));
  const body: OptOutAccepted = { ok: true };
  return json(202, body);
};

/** The body of `POST /api/opt-out/confirm`. */
export const confirmSchema = z
  .object({ token: z.string().regex(/^[0-9a-f]{64}$/, 'token is the code from the SMS link') })
  .strict();

/** POST /api/opt-out/confirm `{token}` (public): the one-time link from that SMS. */
export const confirmOptOut: RouteHandler = async ({ event, query }, ctx) => {
  validate(noQuery, query);
  const { token } = validate(confirmSchema, parseJsonBody(event));
  const optedOut = await confirm(ctx, token);
  ctx.log.info('public opt-out confirmed', { optedOut });
  const body: OptOutConfirmed = { ok: true };
  return json(200, body);
};
