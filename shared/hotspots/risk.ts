/**
 * Risk score of a hotspot: each tip weighs its category severity, halved every
 * `riskHalfLifeDays` of age (`receivedAt` to `now`) and raised for urgent tips; the sum is
 * scaled by reporter diversity, 0.5 (one reporter behind every tip) to 1 (all distinct), so
 * one person repeating a report cannot make a hotspot critical alone. Tips without a
 * `reporterKey` count as distinct reporters. The level follows `riskThresholds`.
 */
import type { ClusterTip, RiskLevel } from '../types.js';
import { riskLevelOf, type HotspotOptions } from './options.js';

const DAY_MS = 86_400_000;

/**
 * Score (rounded to 0.01) and level of a set of member tips at `nowMs`; `receivedMs[i]` is
 * `members[i].receivedAt` in epoch milliseconds.
 */
export function hotspotRisk(
  members: ClusterTip[],
  receivedMs: ArrayLike<number>,
  nowMs: number,
  options: HotspotOptions,
): { riskScore: number; riskLevel: RiskLevel; reporterCount: number } {
  let weight = 0;
  const reporters = new Set<string>();
  let anonymous = 0;
  for (let i = 0; i < members.length; i++) {
    const tip = members[i];
    const ageDays = Math.max(0, (nowMs - receivedMs[i]) / DAY_MS);
    const severity = options.categorySeverity[tip.category] ?? options.categorySeverity.other;
    const urgency = tip.urgent ? options.urgentMultiplier : 1;
    weight += severity * urgency * Math.pow(0.5, ageDays / options.riskHalfLifeDays);
    if (tip.reporterKey) reporters.add(tip.reporterKey);
    else anonymous++;
  }
  const reporterCount = reporters.size + anonymous;
  const diversity = members.length ? reporterCount / members.length : 1;
  const riskScore = Math.round(weight * (0.5 + 0.5 * diversity) * 100) / 100;
  return { riskScore, riskLevel: riskLevelOf(riskScore, options.riskThresholds), reporterCount };
}
