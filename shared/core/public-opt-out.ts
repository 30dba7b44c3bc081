/**
 * The public SMS opt-out. SMS STOP replies to a Thai sender ID may never arrive, so the web
 * offers an opt-out by phone number; but anyone can type a number, so it takes effect only once
 * the phone's owner confirms through a one-time link sent by SMS to that number.
 *
 * The request answers alike and in the same time for any number: the route only counts the
 * request against its limits and queues it; the lookup and the SMS happen after the answer,
 * in the worker. Limits: per number (so nobody can flood a volunteer's phone) and per client.
 */
import { composeOptOutSms } from '../alerts/opt-out-sms.js';
import { optOutConfirmLink } from '../links.js';
import { NotFoundError, RateLimitedError } from './errors.js';
import type {
  Clock,
  IdSource,
  LogPort,
  MessageSenders,
  OptOutRequest,
  OptOutRequests,
  OptOutTokens,
  RateLimiter,
  VolunteerDirectory,
} from './ports.js';
import { optOutVolunteer } from './volunteer-registry.js';

/** Limits of the public opt-out. */
export const OPT_OUT_LIMITS = {
  /** Requests per number per day: a few mistakes, never a flood of SMS to one phone. */
  perPhonePerDay: 3,
  /** Requests per client per hour: one person rarely silences more than a few numbers. */
  perClientPerHour: 10,
  /** How long a confirmation link works, hours. */
  linkValidHours: 24,
};

/**
 * Takes a request (the route's whole work, the same whatever the number): counts it against
 * the client's and the number's limits and queues it. A client over its limit gets
 * {@link RateLimitedError}; a number over its limit is dropped silently, since saying so would
 * be the same for every caller anyway.
 */
export async function requestOptOut(
  deps: { limiter: RateLimiter; optOutRequests: OptOutRequests; clock: Clock; ids: IdSource; log: LogPort },
  phone: string,
  clientKey: string,
): Promise<void> {
  if (!(await deps.limiter.allow(`client:${clientKey}`, OPT_OUT_LIMITS.perClientPerHour, 3600))) {
    throw new RateLimitedError(3600);
  }
  if (!(await deps.limiter.allow(`phone:${phone}`, OPT_OUT_LIMITS.perPhonePerDay, 86_400))) {
    deps.log.warn('public opt-out over the per-number limit');
    return;
  }
  await deps.optOutRequests.submit({ id: deps.ids.uuid(), phone, at: deps.clock.now() });
}

/** What the worker did with one request. */
export type OptOutOutcome = 'link_sent' | 'not_registered';

/**
 * The worker: if active volunteers have this number, sends the number a one-time
 * confirmation link (in the first one's language). Nothing changes until it is used.
 */
export async function handleOptOutRequest(
  deps: {
    volunteers: VolunteerDirectory;
    optOutTokens: OptOutTokens;
    senders: MessageSenders;
    clock: Clock;
    ids: IdSource;
    settings: { publicBaseUrl: string };
  },
  request: OptOutRequest,
): Promise<OptOutOutcome> {
  const active = (await deps.volunteers.findByPhone(request.phone)).filter((v) => v.status === 'active');
  if (!active.length) return 'not_registered';
  // Two random UUIDs: 244 random bits, never guessed.
  const token = `${deps.ids.uuid()}${deps.ids.uuid()}`.replaceAll('-', '');
  const validMs = OPT_OUT_LIMITS.linkValidHours * 3_600_000;
  const expiresAt = new Date(Date.parse(deps.clock.now()) + validMs).toISOString();
  await deps.optOutTokens.save(token, { phone: request.phone, volunteerIds: active.map((v) => v.id), expiresAt });
  const sms = composeOptOutSms({
    language: active[0]!.language,
    link: optOutConfirmLink(deps.settings.publicBaseUrl, token),
    validHours: OPT_OUT_LIMITS.linkValidHours,
  });
  const sender = deps.senders.sms;
  if (!sender) throw new Error('no SMS sender configured for opt-out confirmations');
  await sender.send({ channel: 'sms', to: request.phone, text: sms.text, alertId: `opt-out-${request.id}` });
  return 'link_sent';
}

/**
 * The owner followed the link: every volunteer the link was sent for is opted out at once.
 * A used, expired or unknown link is a {@link NotFoundError}. Returns how many were opted out.
 */
export async function confirmOptOut(
  deps: { volunteers: VolunteerDirectory; optOutTokens: OptOutTokens; clock: Clock },
  token: string,
): Promise<number> {
  const grant = await deps.optOutTokens.take(token, deps.clock.now());
  if (!grant) throw new NotFoundError('opt-out link', 'this opt-out link was used already or has expired; ask again');
  let count = 0;
  for (const id of grant.volunteerIds) {
    const v = await deps.volunteers.get(id);
    // Only while the profile still has the number that asked.
    if (v && v.phone === grant.phone && v.status === 'active') {
      await optOutVolunteer(deps, id);
      count++;
    }
  }
  return count;
}
