/**
 * Which stored hotspots the public may see. The privacy rule (docs/field-notes.md, "Privacy
 * rules"): a hotspot is public only while it is active and backed by at least 3 tips, so no
 * public shape or count ever stands for one or two informants.
 */
import { MIN_PUBLIC_TIPS } from '../hotspots/options.js';
import type { Hotspot } from '../types.js';

export { MIN_PUBLIC_TIPS };

/**
 * Whether a stored hotspot belongs in the public snapshot: `active` and at least `minTips` tips.
 * `minTips` may only make the rule stricter; below {@link MIN_PUBLIC_TIPS} it is raised to it.
 */
export function isPublicHotspot(h: Pick<Hotspot, 'status' | 'tipCount'>, minTips: number = MIN_PUBLIC_TIPS): boolean {
  return h.status === 'active' && h.tipCount >= Math.max(MIN_PUBLIC_TIPS, minTips);
}
