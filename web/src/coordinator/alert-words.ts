/** SMS delivery in words a coordinator acts on: what happened, why, and what it cost. */
import type { AlertView } from '../../../shared/api/wire.js';
import { t, type MessageKey } from '../i18n/i18n.js';

/** "delivered · 1 SMS part", with the reason for a message held back or not delivered. */
export function alertOutcome(a: Pick<AlertView, 'status' | 'segments' | 'suppressedReason' | 'failureReason'>): string {
  const status = t(`alertStatus.${a.status}` as MessageKey);
  const why = a.failureReason ?? a.suppressedReason;
  // Known reasons in words; a provider's own code is shown as it came.
  const whyText = why ? t(`alertWhy.${why}` as MessageKey) : '';
  const reason = why ? ` (${whyText.startsWith('alertWhy.') ? why : whyText})` : '';
  return `${status}${reason} · ${t('coord.parts', { count: a.segments })}`;
}
