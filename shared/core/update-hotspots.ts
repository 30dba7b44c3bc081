/**
 * Tips changed (the tips stream) → hotspots. The changed tips are split into
 * neighbourhoods (tips within clustering reach of one another); each is re-clustered on its
 * own with capped work, and stored before the next, so a batch with one tip in Narathiwat
 * and one at the South Pole does two small jobs. A neighbourhood over its cap is handed back
 * as rejected, with its reason, for the failure queue; the full recomputation still covers it.
 */
import {
  DEFAULT_HOTSPOT_OPTIONS,
  DEFAULT_WORK_LIMITS,
  splitNeighbourhoods,
  updateAround,
  WorkLimitError,
  type HotspotChanges,
  type WorkLimits,
} from '../hotspots/index.js';
import type { ClusterTip, Hotspot } from '../types.js';
import { windowStart } from './hotspot-window.js';
import type { Clock, HotspotStore, TipStore } from './ports.js';

export interface UpdateHotspotsDeps {
  tips: Pick<TipStore, 'inCells'>;
  hotspots: HotspotStore;
  clock: Clock;
}

/** What one batch did. */
export interface UpdateHotspotsResult {
  neighbourhoods: number;
  upserts: number;
  retired: number;
  /** Neighbourhoods not re-clustered: their tip ids and why. */
  rejected: Array<{ tipIds: string[]; reason: string }>;
}

/**
 * Neighbourhood reach, km: two tips farther apart than two working margins (2 eps each)
 * never re-cluster the same area, so they can be handled apart.
 */
export const NEIGHBOURHOOD_REACH_KM = 4 * DEFAULT_HOTSPOT_OPTIONS.epsKm;

/** Re-clusters around the changed tips and stores the result, neighbourhood by neighbourhood. */
export async function updateHotspots(
  deps: UpdateHotspotsDeps,
  changed: ClusterTip[],
  limits: WorkLimits = DEFAULT_WORK_LIMITS,
): Promise<UpdateHotspotsResult> {
  const result: UpdateHotspotsResult = { neighbourhoods: 0, upserts: 0, retired: 0, rejected: [] };
  const located = changed.filter((t) => Number.isFinite(t.lat) && Number.isFinite(t.lon) && Math.abs(t.lat) <= 90);
  if (!located.length) return result;
  const now = deps.clock.now();
  const since = windowStart(now);
  let existing = await deps.hotspots.listActive();
  for (const group of splitNeighbourhoods(located, NEIGHBOURHOOD_REACH_KM)) {
    result.neighbourhoods++;
    let changes: HotspotChanges;
    try {
      changes = await updateAround(group, (cells) => deps.tips.inCells(cells, since), existing, now, undefined, limits);
    } catch (err) {
      if (!(err instanceof WorkLimitError)) throw err;
      result.rejected.push({ tipIds: group.map((t) => t.id), reason: err.message });
      continue;
    }
    await deps.hotspots.saveChanges(changes, existing);
    existing = afterSave(existing, changes);
    result.upserts += changes.upserts.length;
    result.retired += changes.retired.length;
  }
  return result;
}

/** The active hotspots once `changes` are stored: the next neighbourhood reads what this one wrote. */
function afterSave(existing: Hotspot[], changes: HotspotChanges): Hotspot[] {
  const gone = new Set([...changes.upserts, ...changes.retired].map((h) => h.id));
  return [...existing.filter((h) => !gone.has(h.id)), ...changes.upserts];
}
