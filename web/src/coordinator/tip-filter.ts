/**
 * The coordinator's selection: a time window (a length and the slider's end) plus category,
 * status and channel. One pure function applies it, so the map, the list and the export
 * always show the same tips. Tips arrive newest first and stay in that order.
 */
import type { TipListItem } from '../../../shared/api/wire.js';
import type { Channel, TipCategory, TipStatus } from '../../../shared/types.js';

export interface TipFilter {
  /** Window start and end, epoch ms; the end is inclusive, as `until=` is in the API. */
  fromMs: number;
  untilMs: number;
  category?: TipCategory;
  status?: TipStatus;
  channel?: Channel;
}

/** Tips with their receive time parsed once: filtering 10,000 must take milliseconds. */
export interface IndexedTips {
  items: TipListItem[];
  receivedMs: Float64Array;
}

/** Parses every `receivedAt` once. */
export function indexTips(items: TipListItem[]): IndexedTips {
  const receivedMs = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) receivedMs[i] = Date.parse(items[i].receivedAt);
  return { items, receivedMs };
}

/** The tips of `tips` inside `filter`, in their order. */
export function filterTips(tips: IndexedTips, filter: TipFilter): TipListItem[] {
  const out: TipListItem[] = [];
  const { items, receivedMs } = tips;
  for (let i = 0; i < items.length; i++) {
    const t = receivedMs[i];
    if (t < filter.fromMs || t > filter.untilMs) continue;
    const tip = items[i];
    if (filter.category && tip.category !== filter.category) continue;
    if (filter.status && tip.status !== filter.status) continue;
    if (filter.channel && tip.channel !== filter.channel) continue;
    out.push(tip);
  }
  return out;
}

/** The API query that asks the server for the same selection (the tests compare the two). */
export function filterQuery(filter: TipFilter): Record<string, string> {
  return {
    since: new Date(filter.fromMs).toISOString(),
    until: new Date(filter.untilMs).toISOString(),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
  };
}

/** Tip counts by TIS-1099 tambon code, for the choropleth. */
export function countByTambon(tips: TipListItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tips) {
    const code = t.geocode?.admin?.tambonCode;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}
