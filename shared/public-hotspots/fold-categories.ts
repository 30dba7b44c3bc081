/**
 * Category counts as the public sees them. A category carried by one or two tips is as good as
 * a name (the only child-labour tip in a village points at whoever saw it), so such counts are
 * added to `other` instead of shown.
 */
import { TIP_CATEGORIES, type TipCategory } from '../types.js';

/** Fewest tips of a category for it to be shown by name (the public-hotspot threshold again). */
export const MIN_CATEGORY_TIPS = 3;

/**
 * Shows each category only when at least `minCategoryTips` tips carry it; the rest are added to
 * `other` (itself shown whatever its count, and left out when 0). Keys come in taxonomy order;
 * non-positive or non-finite counts and unknown keys count as `other` or nothing.
 */
export function foldCategories(
  counts: Partial<Record<TipCategory, number>>,
  minCategoryTips: number = MIN_CATEGORY_TIPS,
): Partial<Record<TipCategory, number>> {
  const min = Math.max(MIN_CATEGORY_TIPS, minCategoryTips);
  const out: Partial<Record<TipCategory, number>> = {};
  let other = 0;
  const known = new Set<string>(TIP_CATEGORIES);
  for (const [key, raw] of Object.entries(counts)) {
    if (!(known.has(key) && key !== 'other' && tipsOf(raw) >= min)) other += tipsOf(raw);
  }
  for (const c of TIP_CATEGORIES) {
    if (c !== 'other' && tipsOf(counts[c]) >= min) out[c] = tipsOf(counts[c]);
  }
  if (other > 0) out.other = other;
  return out;
}

/** A stored count as a whole number of tips (anything else counts as none). */
function tipsOf(raw: unknown): number {
  return typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? Math.floor(raw) : 0;
}
