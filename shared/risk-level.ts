/** The one ordering of risk levels, for sorting, ranking and picking the riskiest. */
import { RISK_LEVELS, type RiskLevel } from './types.js';

/**
 * Compares two risk levels, lowest first (`low` < `medium` < `high` < `critical`), for
 * `Array.prototype.sort`; reverse the arguments for riskiest first.
 */
export function compareRisk(a: RiskLevel, b: RiskLevel): number {
  return RISK_LEVELS.indexOf(a) - RISK_LEVELS.indexOf(b);
}
