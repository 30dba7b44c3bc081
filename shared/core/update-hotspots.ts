/**
 * Tips changed (the tips stream) → hotspots. The changed tips are split into
 * neighbourhoods (tips within clustering reach of one another); each is re-clustered on its
 * own with capped work, and stored before the next, so a batch with one tip in Narathiwat
 * and one at the South Pole does two small jobs. A neighbourhood over its cap is handed back
 * as rejected, with its reason, for the failure queue; the full recomputation still covers it.
 * Each neighbourhood reads only the active hotspots near it, with their members in the cells
 * it works in (issue 12: not every active hotspot per batch).
 */
import {
  boxesMeet,
  boxOfHotspot,
  DEFAULT_HOTSPOT_OPTIONS,
  DEFAULT_WORK_LIMITS,
  MAX_CLUSTER_LAT,
  splitNeighbourhoods,
  updateAround,
  tipCell,
  WorkLimitError,
  type HotspotChanges,
  type HotspotSource,
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
  const loadCells = memoisedCells((cells) => deps.tips.inCells(cells, since), limits.maxTips);
  // What this batch stored (null: retired): the next neighbourhood reads what this one wrote,
  // even before the store's index shows it.
  const written = new Map<string, Hotspot | null>();
  for (const group of splitNeighbourhoods(located, NEIGHBOURHOOD_REACH_KM)) {
    result.neighbourhoods++;
    const read = new Map<string, Hotspot>();
    let changes: HotspotChanges;
    try {
      changes = await updateAround(group, loadCells, storeSource(deps.hotspots, written, read), now, undefined, limits);
    } catch (err) {
      if (!(err instanceof WorkLimitError)) throw err;
      result.rejected.push({ tipIds: group.map((t) => t.id), reason: err.message });
      continue;
    }
    await deps.hotspots.saveChanges(changes, [...read.values()]);
    for (const h of changes.upserts) written.set(h.id, h);
    for (const h of changes.retired) written.set(h.id, null);
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

/**
 * The store as the engine's source of nearby hotspots, overlaid with what this batch wrote;
 * every hotspot handed out is recorded in `read` (the versions the optimistic check compares).
 */
function storeSource(
  store: HotspotStore,
  written: ReadonlyMap<string, Hotspot | null>,
  read: Map<string, Hotspot>,
): HotspotSource {
  return {
    near: async (box, cells) => {
      const stored = await store.listActive({ near: { box, cells } });
      const out = stored.filter((h) => !written.has(h.id));
      for (const h of written.values()) if (h && boxesMeet(boxOfHotspot(h), box)) out.push(h);
      for (const h of out) read.set(h.id, h);
      return out;
    },
    activeBox: async (id) => {
      if (written.has(id)) {
        const h = written.get(id);
        return h ? boxOfHotspot(h) : undefined;
      }
      const h = await store.get(id);
      return h?.status === 'active' ? boxOfHotspot(h) : undefined;
    },
  };
}
