/**
 * A coordinator reads and reviews tips. Opening a tip's detail (text, exact place, contact)
 * is audited before anything is shown: who, when, which tip, what was shown.
 */
import type { TipDetail, TipListItem } from '../api/wire.js';
import type { TipStatus } from '../types.js';
import { NotFoundError } from './errors.js';
import type { Clock, TipAuditLog, TipAuditRecord, TipStore } from './ports.js';
import { toTipDetail, toTipListItem } from './tip-views.js';

export interface ReviewDeps {
  tips: TipStore;
  audit: TipAuditLog;
  clock: Clock;
}

/** The fields a detail shows, for the audit line. */
function shown(detail: TipDetail): string {
  const parts = ['text'];
  if (detail.location || detail.lat !== undefined) parts.push('exact place');
  if (detail.contact) parts.push('contact');
  return `detail: ${parts.join(', ')}`;
}

/** Opens a tip's detail for `by`; the audit record is written first, so no read goes unrecorded. */
export async function openTip(deps: ReviewDeps, id: string, by: string): Promise<TipDetail> {
  const tip = await deps.tips.get(id);
  if (!tip) throw new NotFoundError('tip');
  const detail = toTipDetail(tip);
  await deps.audit.record({ tipId: id, at: deps.clock.now(), by, what: shown(detail) });
  return detail;
}

/** Who read a tip's detail, newest first (`GET /api/tips/{id}/audit`). */
export async function tipAuditTrail(deps: ReviewDeps, id: string, limit = 200): Promise<TipAuditRecord[]> {
  if (!(await deps.tips.get(id))) throw new NotFoundError('tip');
  return deps.audit.list(id, limit);
}

/**
 * Sets a tip's review status with an optional note (undo is setting the previous status
 * again); a dismissed tip leaves its hotspot once the tips stream delivers the change.
 */
export async function reviewTip(
  deps: Pick<ReviewDeps, 'tips' | 'clock'>,
  id: string,
  change: { status: TipStatus; note?: string },
  by: string,
): Promise<TipListItem> {
  const tip = await deps.tips.setStatus(id, { at: deps.clock.now(), by, ...change });
  if (!tip) throw new NotFoundError('tip');
  return toTipListItem(tip);
}
