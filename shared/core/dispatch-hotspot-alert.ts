/**
 * A hotspot formed or escalated → alerts to every volunteer whose circle contains its
 * centroid, as the policy decides (opt-out, dedup, daily cap, quiet hours). Safe to run again
 * with the same arguments: nothing is sent twice.
 */
import { bangkokDay } from '../alerts/quiet-hours.js';
import { decideAlerts, type AlertDecision, type AlertTrigger } from '../alerts/policy.js';
import type { Alert, HotspotSummary, Volunteer } from '../types.js';
import { buildAlert } from './alert-message.js';
import { deliverAlert, gazetteerOrNone, type AlertDeps } from './deliver-alert.js';

/** What one dispatch did, for logs and tests. */
export interface DispatchSummary {
  candidates: number;
  sent: number;
  /** Claimed and handed to the send queue (AWS). */
  queued: number;
  held: number;
  suppressed: number;
  failed: number;
  skipped: number;
}

/** How many recipients are handled at once: the provider's rate, not ours, is the limit. */
const CONCURRENCY = 8;

async function apply(deps: AlertDeps, d: AlertDecision, alert: Alert, v: Volunteer, s: DispatchSummary): Promise<void> {
  if (d.action === 'send') {
    s[await deliverAlert(deps, alert, v)]++;
  } else if (d.action === 'hold') {
    if (await deps.alerts.hold(alert, d.holdUntil)) s.held++;
    else s.skipped++;
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

/** Alerts the volunteers around `hotspot` for `trigger`. */
export async function dispatchHotspotAlert(
  deps: AlertDeps,
  hotspot: HotspotSummary,
  trigger: AlertTrigger,
): Promise<DispatchSummary> {
  const now = deps.clock.now();
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
  const summary: DispatchSummary = {
    candidates: ids.length,
    sent: 0,
    queued: 0,
    held: 0,
    suppressed: 0,
    failed: 0,
    skipped: 0,
  };
  const context = { baseUrl: deps.settings.publicBaseUrl, now, gazetteer: gazetteerOrNone(deps) };
  await eachLimit(decisions, CONCURRENCY, async (d) => {
    const volunteer = profiles.get(d.volunteerId)!;
    await apply(deps, d, buildAlert(trigger, hotspot, volunteer, context), volunteer, summary);
  });
  return summary;
}

/**
 * A coordinator's test alert to one volunteer, sent now (quiet hours and the daily cap do
 * not apply; opt-out does). Returns the alert record with its final status.
 */
export async function sendTestAlert(deps: AlertDeps, volunteer: Volunteer): Promise<Alert> {
  const now = deps.clock.now();
  const trigger: AlertTrigger = { hotspotId: `test-${deps.ids.uuid()}`, reason: 'test', riskLevel: 'low' };
  const alert = buildAlert(trigger, { admin: {}, tipCount: 0 }, volunteer, {
    baseUrl: deps.settings.publicBaseUrl,
    now,
  });
  const [decision] = decideAlerts({
    trigger,
    recipients: [{ id: volunteer.id, status: volunteer.status, sentToday: 0 }],
    now,
  });
  if (decision!.action === 'suppress') await deps.alerts.suppress(alert, decision!.suppressedReason);
  else await deliverAlert(deps, alert, volunteer);
  return (await deps.alerts.get(alert.id)) ?? alert;
}
