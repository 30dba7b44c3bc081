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
  MAX_CLUSTER_LAT,
  splitNeighbourhoods,
  updateAround,
  tipCell,
  WorkLimitError,
  type HotspotChanges,
  type LoadCells,
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
  const located = changed.filter(
    (t) =>
      Number.isFinite(t.lat) && Number.isFinite(t.lon) && Math.abs(t.lat) <= MAX_CLUSTER_LAT && Math.abs(t.lon) <= 180,
  );
  if (!located.length) return result;
  const now = deps.clock.now();
  const since = windowStart(now);
  let existing = await deps.hotspots.listActive();
  const loadCells = memoisedCells((cells) => deps.tips.inCells(cells, since), limits.maxTips);
  for (const group of splitNeighbourhoods(located, NEIGHBOURHOOD_REACH_KM)) {
    result.neighbourhoods++;
    let changes: HotspotChanges;
    try {
      changes = await updateAround(group, loadCells, existing, now, undefined, limits);
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

/**
 * Cell loads shared by the neighbourhoods of one batch: they often share cells (a cell is
 * ~39 x 20 km), and storing hotspots changes no tip, so each cell is read once per batch.
 */
function memoisedCells(load: LoadCells, maxTips: number): LoadCells {
  const cache = new Map<string, ClusterTip[]>();
  let held = 0;
  return async (cells) => {
    // Never hold more than one neighbourhood may load: start afresh instead.
    if (held > maxTips) {
      cache.clear();
      held = 0;
    }
    const missing = cells.filter((c) => !cache.has(c));
    if (missing.length) {
      for (const c of missing) cache.set(c, []);
      for (const t of await load(missing)) {
        cache.get(tipCell(t.lat, t.lon))?.push(t);
        held++;
      }
    }
    return cells.flatMap((c) => cache.get(c) ?? []);
  };
}

/** The active hotspots once `changes` are stored: the next neighbourhood reads what this one wrote. */
function afterSave(existing: Hotspot[], changes: HotspotChanges): Hotspot[] {
  const gone = new Set([...changes.upserts, ...changes.retired].map((h) => h.id));
  return [...existing.filter((h) => !gone.has(h.id)), ...changes.upserts];
}
