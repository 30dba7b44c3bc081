/**
 * Loads every tip of the last year for the coordinator. The year is cut into a few disjoint
 * time windows paged side by side (`since`/`until`), so the load takes as long as the
 * fullest window rather than the whole year one page after another. Filters then run in
 * the browser, so a change redraws at once instead of waiting for the network.
 */
import type { TipListItem } from '../../../shared/api/wire.js';
import { endpoints } from '../api.js';
import { ApiError } from '../http-client.js';

/** How far back the console loads: a year of tips, the longest window the slider offers. */
export const LOADED_DAYS = 365;
/** The API's page limit; an older API that allows only 200 is met with 200. */
const PAGE = 1000;
const OLD_API_PAGE = 200;
/**
 * Windows asked for at once. Twelve: a year of up to ~12,000 tips arrives in one round of
 * requests, each answered by one page, which the browser sends without waiting for this
 * thread (all at once over HTTP/2, six at a time over HTTP/1.1). A window with more pages asks
 * for the next one only when this thread has read the last, and while the map starts that
 * thread is busy: with six windows, the second round came in 0.5–0.8 s after the first.
 */
export const WINDOWS = 12;

/**
 * The windows, newest first, as [since, until] ISO times: the last week on its own (most
 * tips are recent, and it draws first), the rest of the year in equal parts. Disjoint: each
 * ends 1 ms before the newer one starts (both bounds are inclusive in the API).
 */
export function timeWindows(nowMs: number, days = LOADED_DAYS, count = WINDOWS): Array<[string, string]> {
  const start = nowMs - days * 86_400_000;
  const week = nowMs - 7 * 86_400_000;
  const cuts = [nowMs, week];
  const step = (week - start) / (count - 1);
  for (let i = 1; i < count - 1; i++) cuts.push(Math.round(week - i * step));
  cuts.push(start);
  const out: Array<[string, string]> = [];
  for (let i = 0; i < cuts.length - 1; i++)
    out.push([new Date(cuts[i + 1]).toISOString(), new Date(cuts[i] - (i === 0 ? 0 : 1)).toISOString()]);
  return out;
}

/**
 * Every tip of one window, page after page, each page handed to `onPage` as it arrives. An
 * API that refuses a page of 1000 (an older deployment allows 200) is asked for 200.
 */
async function loadWindow(since: string, until: string, onPage: (items: TipListItem[]) => void): Promise<void> {
  let limit = PAGE;
  const ask = (next?: string) => endpoints.tips({ since, until, limit, ...(next ? { next } : {}) });
  let request = ask();
  let first = true;
  for (;;) {
    let page: Awaited<ReturnType<typeof endpoints.tips>>;
    try {
      page = await request;
    } catch (err) {
      if (first && limit === PAGE && err instanceof ApiError && err.status === 400) {
        limit = OLD_API_PAGE;
        request = ask();
        continue;
      }
      throw err;
    }
    first = false;
    // The next page is asked for before this one is drawn, so the network never waits for
    // the main thread (drawing a page, or MapLibre starting, takes longer than a page takes).
    if (page.next) request = ask(page.next);
    onPage(page.items);
    if (!page.next) return;
  }
}

/**
 * Calls `onPage` with all tips loaded so far (newest first) after each page, `done` on the
 * last; resolves with them all. One failing window fails the load.
 */
export async function loadTips(
  onPage: (all: TipListItem[], done: boolean) => void,
  nowMs = Date.now(),
): Promise<TipListItem[]> {
  const windows = timeWindows(nowMs);
  const parts: TipListItem[][] = windows.map(() => []);
  // Windows are disjoint; the set only guards against a tip counted twice at a boundary.
  const seen = new Set<string>();
  const receive = (i: number) => (items: TipListItem[]) => {
    for (const t of items) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      parts[i].push(t);
    }
    onPage(parts.flat(), false);
  };
  await Promise.all(windows.map(([since, until], i) => loadWindow(since, until, receive(i))));
  const all = parts.flat();
  onPage(all, true);
  return all;
}
