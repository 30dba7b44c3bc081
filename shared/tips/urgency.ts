import type { TipCategory } from '../types.js';

/**
 * Words that mark immediate danger in Thai, Malay and English tips. Kept short on
 * purpose: an urgent tip alerts volunteers at once, so false positives cost trust.
 */
const URGENT_WORDS = [
  'ด่วน', // urgent
  'ช่วยด้วย', // help!
  'ตอนนี้', // right now
  'คืนนี้', // tonight
  'กักขัง', // confined
  'ขังไว้', // locked up
  'segera', // Malay: immediately
  'tolong', // Malay: help
  'urgent',
  'right now',
  'tonight',
  'locked up',
];

/** Categories where a child or confinement is involved weigh as urgent with any danger word. */
const SEVERE: ReadonlySet<TipCategory> = new Set(['child_labour', 'sexual_exploitation', 'forced_fishing']);

/**
 * Whether a tip asks for immediate action: a danger word in the text, or a severe
 * category whose text says it is happening now.
 */
export function isUrgentTip(text: string, category: TipCategory): boolean {
  const lower = text.toLowerCase();
  const hits = URGENT_WORDS.filter((w) => lower.includes(w)).length;
  return hits >= 2 || (hits >= 1 && SEVERE.has(category));
}
