/**
 * Loads every tip of the last year for the coordinator, page after page, handing each page
 * over as it arrives so the map and the list fill while the rest streams in. Filters then
 * run in the browser, so a change redraws at once instead of waiting for the network.
 */
import type { TipListItem } from '../../../shared/api/wire.js';
import { endpoints } from '../api.js';
import { ApiError } from '../http-client.js';

/** How far back the console loads: a year of tips, the longest window the slider offers. */
export const LOADED_DAYS = 365;
/** The API's page limit; an older API that allows only 200 is met with 200. */
const PAGE = 1000;
const OLD_API_PAGE = 200;

/** Calls `onPage` with all tips loaded so far after each page; resolves when the last page is in. */
export async function loadTips(
  onPage: (all: TipListItem[], done: boolean) => void,
  nowMs = Date.now(),
): Promise<TipListItem[]> {
  const since = new Date(nowMs - LOADED_DAYS * 86_400_000).toISOString();
  const all: TipListItem[] = [];
  let limit = PAGE;
  let request = endpoints.tips({ since, limit });
  for (;;) {
    let page: Awaited<ReturnType<typeof endpoints.tips>>;
    try {
      page = await request;
    } catch (err) {
      if (limit === PAGE && err instanceof ApiError && err.status === 400 && !all.length) {
        limit = OLD_API_PAGE;
        request = endpoints.tips({ since, limit });
        continue;
      }
      throw err;
    }
    all.push(...page.items);
    const next = page.next;
    // The next page is asked for before this one is drawn, so the network never waits for
    // the main thread (drawing a page, or MapLibre starting, takes longer than a page takes).
    if (next) request = endpoints.tips({ since, limit, next });
    onPage(all, !next);
    if (!next) break;
  }
  return all;
}
