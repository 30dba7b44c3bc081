/**
 * Turns policy decisions into alert records and SMS: the one place that sends. Each alert
 * is claimed with a conditional write before the SMS goes, so redelivered stream batches,
 * retries and concurrent senders never send the same (alert key, volunteer) twice.
 */
import { randomUUID } from 'node:crypto';
import { SmsSendError } from '../../shared/alerts/errors.js';
import { alertKey, decideAlerts, type AlertDecision, type AlertTrigger } from '../../shared/alerts/policy.js';
import { bangkokDay } from '../../shared/alerts/quiet-hours.js';
import { composeAlertSms } from '../../shared/alerts/sms-text.js';
import type { AdminArea, Alert, Hotspot, Language, Volunteer } from '../../shared/types.js';
import { alertIdFor } from './alerts-repo.js';
import type { AppContext } from './context.js';
import { loadGazetteer } from './gazetteer.js';
import { logger } from './logger.js';

/** What one dispatch did, for logs and tests. */
export interface DispatchSummary {
  candidates: number;
  sent: number;
  held: number;
  suppressed: number;
  failed: number;
  skipped: number;
}

type Deps = Pick<AppContext, 'volunteers' | 'alerts' | 'sms' | 'deadLetters' | 'config' | 'now'>;

/** Place names in the volunteer's script: Thai for `th`, the gazetteer's romanisation otherwise. */
export function placeNames(admin: AdminArea, language: Language): { tambon?: string; amphoe?: string } {
  if (language === 'th') return { tambon: admin.tambon, amphoe: admin.amphoe };
  const roman = (code: string | undefined, fallback: string | undefined) => {
    try {
      const g = loadGazetteer();
      const i = code === undefined ? undefined : g.byCode.get(code);
      return (i !== undefined && g.places[i]?.en) || fallback;
    } catch {
      return fallback; // no index: Thai names still say where, at UCS-2 cost
    }
  };
  return { tambon: roman(admin.tambonCode, admin.tambon), amphoe: roman(admin.amphoeCode, admin.amphoe) };
}

/** The public link of a hotspot, as the web app reads it (`web/src/hotspot-link.ts`); no coordinates. */
export function hotspotLink(baseUrl: string, hotspotId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#h=${encodeURIComponent(hotspotId)}`;
}

/** The alert record for one volunteer, with its message composed and its parts counted. */
export function buildAlert(
  trigger: AlertTrigger,
  hotspot: Pick<Hotspot, 'admin' | 'tipCount'>,
  volunteer: Pick<Volunteer, 'id' | 'language'>,
  baseUrl: string,
  now: string,
): Alert {
  const sms = composeAlertSms({
    language: volunteer.language,
    reason: trigger.reason,
    riskLevel: trigger.riskLevel,
    ...placeNames(hotspot.admin, volunteer.language),
    tipCount: hotspot.tipCount,
    link: hotspotLink(baseUrl, trigger.hotspotId),
    hotline: '1300',
  });
  const key = alertKey(volunteer.id, trigger.hotspotId, trigger.reason, trigger.riskLevel);
  return {
    id: alertIdFor(key),
    volunteerId: volunteer.id,
    hotspotId: trigger.hotspotId,
    reason: trigger.reason,
    riskLevel: trigger.riskLevel,
    message: sms.text,
    segments: sms.segments,
    status: 'queued',
    createdAt: now,
    attempts: 0,
  };
}

/**
 * Sends one claimed alert and records the outcome: `sent` (and the daily count), or
 * `failed` with a dead letter. Returns false when the alert was already claimed.
 */
export async function deliver(deps: Deps, alert: Alert, phone: string): Promise<'sent' | 'failed' | 'skipped'> {
  if (!(await deps.alerts.claim(alert, deps.now()))) return 'skipped';
  try {
    const { providerMessageId } = await deps.sms.send({ to: phone, text: alert.message, alertId: alert.id });
    await deps.alerts.setStatus(alert.id, 'sent', { providerMessageId, attempts: 1, sentAt: deps.now() });
    await deps.alerts.countSent(alert.volunteerId, bangkokDay(deps.now()));
    return 'sent';
  } catch (err) {
    const e =
      err instanceof SmsSendError
        ? err
        : new SmsSendError('SMS send failed', true, 1, (err as Error)?.name ?? 'Error', { cause: err });
    await deps.alerts.setStatus(alert.id, 'failed', { attempts: e.attempts, suppressedReason: e.code });
    await deps.deadLetters.put({
      alertId: alert.id,
      volunteerId: alert.volunteerId,
      hotspotId: alert.hotspotId,
      errorCode: e.code,
      retryable: e.retryable,
      attempts: e.attempts,
      failedAt: deps.now(),
    });
    logger.warn('sms failed', { alertId: alert.id, errorCode: e.code, retryable: e.retryable });
    return 'failed';
  }
}

async function apply(
  deps: Deps,
  d: AlertDecision,
  alert: Alert,
  volunteer: Volunteer,
  s: DispatchSummary,
): Promise<void> {
  if (d.action === 'send') {
    const outcome = await deliver(deps, alert, volunteer.phone);
    if (outcome === 'sent') s.sent++;
    else if (outcome === 'failed') s.failed++;
    else s.skipped++;
  } else if (d.action === 'hold') {
    if (await deps.alerts.hold(alert, d.holdUntil)) s.held++;
    else s.skipped++;
  } else if (d.suppressedReason === 'duplicate') {
    s.skipped++;
  } else if (await deps.alerts.suppress(alert, d.suppressedReason)) {
    s.suppressed++;
  } else s.skipped++;
}

/** Runs `fn` over items with at most `limit` in flight. */
async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Alerts every volunteer whose circle contains the hotspot's centroid, as the policy
 * decides (opt-out, dedup, daily cap, quiet hours). Safe to call again with the same
 * arguments: nothing is sent twice.
 */
export async function dispatchHotspotAlert(
  deps: Deps,
  hotspot: Hotspot,
  trigger: AlertTrigger,
): Promise<DispatchSummary> {
  const now = deps.now();
  const covering = await deps.volunteers.covering(hotspot.centroid);
  const ids = covering.map((c) => c.volunteerId);
  const [profiles, sentToday] = await Promise.all([
    deps.volunteers.getMany(ids),
    deps.alerts.sentOn(ids, bangkokDay(now)),
  ]);
  const recipients = ids.flatMap((id) => {
    const v = profiles.get(id);
    return v ? [{ id, status: v.status, quietHours: v.quietHours, sentToday: sentToday.get(id) ?? 0 }] : [];
  });
  const decisions = decideAlerts({ trigger, recipients, now });
  const summary: DispatchSummary = { candidates: ids.length, sent: 0, held: 0, suppressed: 0, failed: 0, skipped: 0 };
  await eachLimit(decisions, 8, async (d) => {
    const volunteer = profiles.get(d.volunteerId)!;
    await apply(deps, d, buildAlert(trigger, hotspot, volunteer, deps.config.publicBaseUrl, now), volunteer, summary);
  });
  return summary;
}

/**
 * A coordinator's test alert to one volunteer, sent now (quiet hours and the daily cap do
 * not apply; opt-out does). Returns the alert record with its final status.
 */
export async function sendTestAlert(deps: Deps, volunteer: Volunteer): Promise<Alert> {
  const now = deps.now();
  const trigger: AlertTrigger = { hotspotId: `test-${randomUUID()}`, reason: 'test', riskLevel: 'low' };
  const alert = buildAlert(trigger, { admin: {}, tipCount: 0 }, volunteer, deps.config.publicBaseUrl, now);
  const [decision] = decideAlerts({
    trigger,
    recipients: [{ id: volunteer.id, status: volunteer.status, sentToday: 0 }],
    now,
  });
  if (decision!.action === 'suppress') {
    await deps.alerts.suppress(alert, decision!.suppressedReason);
  } else {
    await deliver(deps, alert, volunteer.phone);
  }
  return (await deps.alerts.get(alert.id)) ?? alert;
}
