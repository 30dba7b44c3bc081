/**
 * The alert policy: who gets which SMS, and why not. Pure: the dispatcher gathers the
 * facts (the trigger, the volunteers whose circle contains the hotspot, what they have
 * already received) and applies the decisions.
 *
 * Decisions, in order (the first that applies wins):
 * 1. Opted out → suppressed `opted_out`, whatever else holds (issue #5).
 * 2. Daily cap reached (non-critical only) → suppressed `daily_cap`. The cap counts every
 *    SMS sent on the Asia/Bangkok calendar day, critical ones included.
 * 3. Inside quiet hours (non-critical only) → held until they end, then delivered with the
 *    other held alerts as one digest SMS.
 * 4. Otherwise → send now.
 *
 * At most one alert per (volunteer, hotspot, reason, level): the alert log's conditional write
 * on the alert id (`alertKey`) is the guard, so concurrent or redelivered batches never send
 * twice; the policy does not need to know what was sent.
 *
 * Critical means the hotspot's risk level is `critical`, an urgent tip (immediate danger),
 * or a coordinator's test alert (they are testing delivery now, with the volunteer).
 */
import {
  RISK_LEVELS,
  type AlertReason,
  type Hotspot,
  type HotspotSummary,
  type QuietHours,
  type RiskLevel,
} from '../types.js';
import { inQuietHours, quietHoursEnd } from './quiet-hours.js';

/** What happened, for one hotspot. */
export interface AlertTrigger {
  hotspotId: string;
  reason: AlertReason;
  riskLevel: RiskLevel;
}

/** A volunteer as the policy sees them. */
export interface PolicyRecipient {
  id: string;
  status: 'active' | 'opted_out';
  quietHours?: QuietHours;
  /** SMS sent to them so far on today's Asia/Bangkok day. */
  sentToday: number;
}

/** Why an alert was not sent. */
export type SuppressedReason = 'opted_out' | 'daily_cap';

/** The policy's verdict for one volunteer. */
export type AlertDecision = { volunteerId: string; key: string } & (
  | { action: 'send' }
  | { action: 'hold'; holdUntil: string }
  | { action: 'suppress'; suppressedReason: SuppressedReason }
);

/** Tunables of the policy. */
export interface AlertPolicyOptions {
  /** Most SMS per volunteer per Asia/Bangkok day, critical ones excepted from the check. */
  dailyCap: number;
}

/** Defaults: five SMS a day keeps alerts rare enough to be read (field notes). */
export const DEFAULT_POLICY: AlertPolicyOptions = { dailyCap: 5 };

/**
 * The deduplication key: at most one alert per volunteer per (hotspot, reason, risk
 * level). Also the alert's id in the alert log, which makes the conditional write the
 * guard against double sends.
 */
export function alertKey(volunteerId: string, hotspotId: string, reason: AlertReason, riskLevel: RiskLevel): string {
  return `${hotspotId}|${reason}|${riskLevel}|${volunteerId}`;
}

/** Whether a trigger goes through quiet hours and the daily cap (see the module notes). */
export function isCritical(trigger: Pick<AlertTrigger, 'reason' | 'riskLevel'>): boolean {
  return trigger.riskLevel === 'critical' || trigger.reason === 'urgent_tip' || trigger.reason === 'test';
}

function decideOne(
  trigger: AlertTrigger,
  r: PolicyRecipient,
  nowIso: string,
  options: AlertPolicyOptions,
): AlertDecision {
  const key = alertKey(r.id, trigger.hotspotId, trigger.reason, trigger.riskLevel);
  const base = { volunteerId: r.id, key };
  if (r.status !== 'active') return { ...base, action: 'suppress', suppressedReason: 'opted_out' };
  if (isCritical(trigger)) return { ...base, action: 'send' };
  if (r.sentToday >= options.dailyCap) return { ...base, action: 'suppress', suppressedReason: 'daily_cap' };
  if (r.quietHours && inQuietHours(r.quietHours, nowIso)) {
    return { ...base, action: 'hold', holdUntil: quietHoursEnd(r.quietHours, nowIso) };
  }
  return { ...base, action: 'send' };
}

/**
 * Decides, for every candidate recipient (already filtered to circles containing the
 * hotspot), whether to send now, hold for the quiet-hours digest, or suppress and why.
 * One decision per recipient, in input order; duplicate recipients count once.
 */
export function decideAlerts(input: {
  trigger: AlertTrigger;
  recipients: readonly PolicyRecipient[];
  now: string;
  options?: Partial<AlertPolicyOptions>;
}): AlertDecision[] {
  const options = { ...DEFAULT_POLICY, ...input.options };
  const seen = new Set<string>();
  const out: AlertDecision[] = [];
  for (const r of input.recipients) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push(decideOne(input.trigger, r, input.now, options));
  }
  return out;
}

const rank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);

/**
 * Whether a hotspot deserves an SMS at all: a `low` risk cluster that Getis-Ord Gi* does
 * not find significant (`giConfidence` 0) could be chance, so it stays on the coordinators'
 * map without waking volunteers; it alerts as new once it turns significant or its risk
 * rises. Hotspots without a Gi* figure count as significant.
 */
export function worthAlerting(h: Pick<Hotspot, 'riskLevel'> & { giConfidence?: unknown }): boolean {
  return !(h.riskLevel === 'low' && h.giConfidence === 0);
}

/** Urgent member tips of a hotspot, as counted by the hotspot engine (absent → 0). */
function urgentCount(h: HotspotSummary): number {
  return typeof h.urgentTipCount === 'number' ? h.urgentTipCount : 0;
}

/**
 * Escalations this soon after the hotspot was created are folded into its `new_hotspot`
 * alert, minutes: a hotspot that forms from a burst of tips climbs several risk levels in
 * a few stream batches, and one SMS says it better than three. Escalation to `critical`
 * always goes out.
 */
export const ESCALATION_GRACE_MINUTES = 30;

/**
 * The alert trigger of one hotspot change (a stream record's old and new image), at most
 * one, so a volunteer gets one SMS per change. `isPublic` says whether a hotspot may be
 * shown at all (field notes: fewer than 3 tips is not public, so no alert either).
 * - it gains an urgent tip (`urgentTipCount` grows) → `urgent_tip` (outranks the others);
 * - it becomes active, public and worth alerting (`worthAlerting`: significant or above
 *   `low` risk) → `new_hotspot`;
 * - its risk level goes up → `escalated`, unless within {@link ESCALATION_GRACE_MINUTES}
 *   of its creation (`createdAt` to `updatedAt`) and below `critical`.
 */
export function triggerFor(
  prev: HotspotSummary | undefined,
  next: HotspotSummary | undefined,
  isPublic: (h: HotspotSummary) => boolean = (h) => h.tipCount >= 3,
  escalationGraceMinutes = ESCALATION_GRACE_MINUTES,
): AlertTrigger | undefined {
  if (!next || next.status !== 'active' || !isPublic(next)) return undefined;
  const base = { hotspotId: next.id, riskLevel: next.riskLevel };
  const wasLive = prev !== undefined && prev.status === 'active' && isPublic(prev);
  if (urgentCount(next) > (wasLive ? urgentCount(prev) : 0)) return { ...base, reason: 'urgent_tip' };
  if (!worthAlerting(next)) return undefined;
  if (!wasLive || !worthAlerting(prev)) return { ...base, reason: 'new_hotspot' };
  if (rank(next.riskLevel) <= rank(prev.riskLevel)) return undefined;
  const ageMinutes = (Date.parse(next.updatedAt) - Date.parse(next.createdAt)) / 60_000;
  if (next.riskLevel !== 'critical' && ageMinutes < escalationGraceMinutes) return undefined;
  return { ...base, reason: 'escalated' };
}
