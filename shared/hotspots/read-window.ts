/**
 * The full recomputation's read: the window arrives page by page (a store's Query pages, about
 * a megabyte each) and goes straight into columns, so no more than one page of tip objects is
 * alive at a time (issue 12: 1,000,000 tips as objects took 1.29 GB).
 */
import type { ClusterTip } from '../types.js';
import { windowTest } from './in-window.js';
import { resolveOptions, type HotspotOptions } from './options.js';
import { TipColumnsBuilder, type TipColumns } from './tip-columns.js';

/** The tips of `pages` that count at `now` (see `inWindow`), in columns, in arrival order. */
export async function readWindow(
  pages: AsyncIterable<readonly ClusterTip[]>,
  now: string,
  options?: Partial<HotspotOptions>,
): Promise<TipColumns> {
  const test = windowTest(now, resolveOptions(options).windowDays);
  const columns = new TipColumnsBuilder();
  for await (const page of pages) {
    for (const t of page) {
      const ms = test(t);
      if (!Number.isNaN(ms)) columns.add(t, ms);
    }
  }
  return columns.finish();
}
