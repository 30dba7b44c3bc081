/** How coordinators see a tip: the list item (never contact) and the detail (contact only here). */
import type { TipDetail, TipListItem } from '../api/wire.js';
import type { Tip } from '../types.js';

/** A tip as the list shows it: text and exact place, never the contact. */
export function toTipListItem(tip: Tip): TipListItem {
  const { contact, statusHistory: _history, reporterKey: _key, hasContact, ...rest } = tip;
  return { ...rest, hasContact: Boolean(contact) || hasContact === true };
}

/** A tip as its detail panel shows it, with contact and status history. */
export function toTipDetail(tip: Tip): TipDetail {
  return {
    ...toTipListItem(tip),
    ...(tip.contact ? { contact: tip.contact } : {}),
    statusHistory: tip.statusHistory ?? [],
  };
}
