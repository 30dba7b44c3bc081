/**
 * The scheduled safety net: recomputes every hotspot from the tips in the window, so missed
 * stream batches heal and old tips age out.
 */
import { recomputeHotspots as recompute } from '../hotspots/index.js';
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
  const [tips, existing] = await Promise.all([
    deps.tips.clusterableSince(windowStart(now)),
    deps.hotspots.listActive(),
  ]);
  const changes = recompute({ tips, existing, now });
  await deps.hotspots.saveChanges(changes, existing);
  return { tips: tips.length, upserts: changes.upserts.length, retired: changes.retired.length };
}
