/**
 * One full recomputation of a window of synthetic clumpy tips, in a process of its own so its
 * peak memory is its own (forked by data-scale.bench.ts; prints one JSON line). `streamed`:
 * the recompute use case as it runs now, the window read page by page into columns;
 * `objects`: the object path it replaced, every tip object held (the baseline). Each first
 * computes the hotspots once (the stored state), then times the recomputation that finds
 * them stored, as the scheduled run does. The largest items the store would write for the
 * result come from the DynamoDB adapter's own item functions, with UUID tip ids as in
 * production.
 */
import { hotspotItem } from '../../functions/lib/dynamo-hotspot-store.js';
import { memberPageItem } from '../../functions/lib/member-page-io.js';
import { directoryOf, layoutPages } from '../../functions/lib/member-pages.js';
import { recomputeAllHotspots } from '../../shared/core/recompute-hotspots.js';
import type { HotspotStore, TipStore } from '../../shared/core/ports.js';
import { recomputeHotspots, type HotspotChanges } from '../../shared/hotspots/index.js';
import type { Hotspot } from '../../shared/types.js';
import { clumpyTipPages, clumpyTips } from '../hotspots/synthetic-tips.js';
import { itemSizeBytes } from '../support/item-size.js';

const NOW = '2026-11-25T12:00:00.000Z';
const [mode, nText] = process.argv.slice(2);
const n = Number(nText);

/** A production-shaped id (UUID) for synthetic tip `t0000042`. */
const uuidOf = (id: string) => `00000000-0000-4000-8000-${id.slice(1).padStart(12, '0')}`;

function largestItems(hotspots: readonly Hotspot[]) {
  let hotspot = 0;
  let page = 0;
  let inlineList = 0;
  for (const h of hotspots) {
    const withUuids = { ...h, memberTipIds: h.memberTipIds.map(uuidOf) };
    const pages = layoutPages(withUuids);
    hotspot = Math.max(hotspot, itemSizeBytes({ ...hotspotItem(withUuids, directoryOf(pages), 90) }));
    for (const p of pages) page = Math.max(page, itemSizeBytes(memberPageItem(h.id, p, 0)));
    // The layout before issue 12: the member list inside the hotspot item.
    inlineList = Math.max(inlineList, itemSizeBytes({ ...hotspotItem(withUuids, undefined, 90), ...withUuids }));
  }
  return { hotspot, page, inlineList };
}

async function streamed(existing: Hotspot[]): Promise<HotspotChanges> {
  let saved: HotspotChanges | undefined;
  const tips = {
    clusterableSince: async function* () {
      yield* clumpyTipPages(n, 42, NOW);
    },
  } as unknown as TipStore;
  const hotspots = {
    listActive: async () => existing,
    saveChanges: async (changes: HotspotChanges) => void (saved = changes),
  } as unknown as HotspotStore;
  await recomputeAllHotspots({ tips, hotspots, clock: { now: () => NOW } });
  return saved as HotspotChanges;
}

async function main(): Promise<void> {
  let first: HotspotChanges;
  let result: HotspotChanges;
  let t0: number;
  let c0: NodeJS.CpuUsage;
  if (mode === 'streamed') {
    first = await streamed([]);
    [t0, c0] = [performance.now(), process.cpuUsage()];
    // The window is made page by page inside the timing, as a store's reads would be.
    result = await streamed(first.upserts);
  } else {
    const tips = clumpyTips(n, 42, NOW);
    first = recomputeHotspots({ tips, existing: [], now: NOW });
    [t0, c0] = [performance.now(), process.cpuUsage()];
    result = recomputeHotspots({ tips, existing: first.upserts, now: NOW });
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const hotspots = result.upserts.length ? result.upserts : first.upserts;
  const members = Math.max(...hotspots.map((h) => h.memberTipIds.length));
  const sizes = mode === 'streamed' ? largestItems(hotspots) : undefined;
  console.log(JSON.stringify({ ms, cpuMs, peakRssMb, hotspots: first.upserts.length, members, sizes }));
}

main().catch((err: Error) => {
  console.error(err);
  process.exitCode = 1;
});
