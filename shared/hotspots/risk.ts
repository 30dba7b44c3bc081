/**
 * Risk score of a hotspot: each tip weighs its category severity, halved every
 * `riskHalfLifeDays` of age (`receivedAt` to `now`) and raised for urgent tips; the sum is
 * scaled by reporter diversity, 0.5 (one reporter behind every tip) to 1 (all distinct), so
 * one person repeating a report cannot make a hotspot critical alone. Tips without a
 * `reporterKey` count as distinct reporters. The level follows `riskThresholds`.
 */
import type { RiskLevel } from '../types.js';
import type { TipColumns } from './tip-columns.js';
import { riskLevelOf, type HotspotOptions } from './options.js';

const DAY_MS = 86_400_000;

/**
 * Score (rounded to 0.01) and level of the member tips `members` (indices into `cols`) at
 * `nowMs`; `receivedMs[k]` is the receive time of `members[k]` in epoch milliseconds.
 */
export function hotspotRisk(
  cols: TipColumns,
  members: Int32Array,
  receivedMs: ArrayLike<number>,
  nowMs: number,
  options: HotspotOptions,
): { riskScore: number; riskLevel: RiskLevel; reporterCount: number } {
  const severityOf = cols.categories.map((c) => options.categorySeverity[c] ?? options.categorySeverity.other);
  let weight = 0;
  let anonymous = 0;
  let reporters = 0;
  // Distinct reporters: a bitmap over the interned keys for big hotspots, a set for small ones.
  const big = members.length > 4096;
  const seen = big ? new Uint8Array(cols.reporterKinds) : undefined;
  const seenSet = big ? undefined : new Set<number>();
  for (let k = 0; k < members.length; k++) {
    const i = members[k];
    const ageDays = Math.max(0, (nowMs - receivedMs[k]) / DAY_MS);
    const urgency = cols.urgent[i] ? options.urgentMultiplier : 1;
    weight += severityOf[cols.category[i]] * urgency * Math.pow(0.5, ageDays / options.riskHalfLifeDays);
    const r = cols.reporter[i];
    if (r < 0) anonymous++;
    else if (seen) {
      if (!seen[r]) ((seen[r] = 1), reporters++);
    } else seenSet!.add(r);
  }
  const reporterCount = (seen ? reporters : seenSet!.size) + anonymous;
  const diversity = members.length ? reporterCount / members.length : 1;
  const riskScore = Math.round(weight * (0.5 + 0.5 * diversity) * 100) / 100;
  return { riskScore, riskLevel: riskLevelOf(riskScore, options.riskThresholds), reporterCount };
}
