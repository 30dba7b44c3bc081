/**
 * The scheduled safety net: recomputes every hotspot from the tips in the window, so missed
 * stream batches heal and old tips age out. The window streams in page by page into columns
 * (issue 12: a million tip objects took 1.29 GB); the active hotspots come with their members.
 */
import { readWindow, recomputeColumns } from '../hotspots/index.js';
import { windowStart } from './hotspot-window.js';
import type { Clock, HotspotStore, TipStore } from './ports.js';

export interface RecomputeDeps {
  tips: Pick<TipStore, 'clusterableSince'>;
  hotspots: HotspotStore;
  clock: Clock;
}

/** Recomputes and stores every hotspot; returns what changed and how many tips it read. */
export async function recomputeAllHotspots(
  deps: RecomputeDeps,
): Promise<{ tips: number; upserts: number; retired: number }> {
  const now = deps.clock.now();
  const [cols, existing] = await Promise.all([
    readWindow(deps.tips.clusterableSince(windowStart(now)), now),
    deps.hotspots.listActive(),
  ]);
  const changes = recomputeColumns({ cols, existing, now });
  await deps.hotspots.saveChanges(changes, existing);
  return { tips: cols.length, upserts: changes.upserts.length, retired: changes.retired.length };
}
