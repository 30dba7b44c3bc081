/**
 * Incremental update after tips change: re-clusters only the neighbourhood the change can
 * affect and returns exactly what recomputeHotspots would return for those hotspots.
 *
 * Why it is exact: a tip changes core status only within eps of itself and the nearest-core
 * rule (cluster-tips.ts) reaches one eps further, so every cluster whose membership can change
 * has a tip within 2 eps of a changed tip. Those clusters are the targets, closed over the
 * stored hotspots sharing tips with them (merges, splits) or holding their centroid. A cluster
 * computed from the tips of a box is exact when it lies 2 eps inside the box, so the box grows
 * until every target and related hotspot lies inside; Gi* then reads the tip counts up to
 * `giStudyRadiusKm` + one hexagon around the targets.
 * Not refreshed here: the Gi* of untouched hotspots whose study area holds the new tip (their
 * tips did not change); the scheduled full recomputation refreshes them.
 */
import { EARTH_RADIUS_KM } from '../geo/haversine.js';
import type { ClusterTip, Hotspot } from '../types.js';
import { boxContains, boxesMeet, boxOfHotspot, boxOfPoints, growBox, unionBox, type Box } from './box.js';
import { cellsInBox, tipCell } from './tip-cells.js';
import { StaleHotspotsError, WorkLimitError } from './errors.js';
import { clusterTips, type TipCluster } from './cluster-tips.js';
import { assembleHotspots, idsOf, type HotspotChanges } from './engine.js';
import { windowTest } from './in-window.js';
import { meanPosition } from './geometry.js';
import { hexCounts, type HexCounts } from './gi-star.js';
import { resolveOptions, type HotspotOptions } from './options.js';

const KM_PER_DEG = (Math.PI * EARTH_RADIUS_KM) / 180;

/** Loads every tip in the window in the given `byCell` cells (see `tipCell`). */
export type LoadCells = (cells: string[]) => Promise<ClusterTip[]>;

/** Safety bound on box growth rounds; real data settles in one or two. */
const MAX_ROUNDS = 100;

/** Caps on what one re-clustering may load: every stream batch does bounded work. */
export interface WorkLimits {
  /** Widest working box, km, in latitude or longitude. A district-sized hotspot chain is ~50 km. */
  maxSpanKm: number;
  /** Most `byCell` cells (~39 x 20 km each) loaded. */
  maxCells: number;
  /** Most tips loaded (about 300 bytes each in memory). */
  maxTips: number;
}

/** Defaults: generous for any real neighbourhood, small enough that a batch stays in ~100 MB. */
export const DEFAULT_WORK_LIMITS: WorkLimits = { maxSpanKm: 200, maxCells: 150, maxTips: 200_000 };

/**
 * Where the incremental update finds the stored hotspots that can matter: those whose box
 * meets the working box, with their members in its cells (a store reads only those; an array
 * of every active hotspot, with all members, answers the same).
 */
export interface HotspotSource {
  /** Active hotspots whose box meets `box`, each with (at least) its members in `cells`. */
  near(box: Box, cells: readonly string[]): Promise<Hotspot[]>;
  /** The box of the active hotspot `id`, if there is one (a new hotspot must not take its id). */
  activeBox(id: string): Promise<Box | undefined>;
}

/**
 * Re-clusters the neighbourhood of `changed` (tips within clustering reach of one another:
 * split a batch with `splitNeighbourhoods` first). `existing`: every active hotspot, or a
 * {@link HotspotSource} that reads only those nearby. Throws {@link WorkLimitError} before it
 * loads more than `limits` allow, and {@link StaleHotspotsError} when a hotspot in the working
 * box was missing from what the source gave (a lagging index: retry).
 */
export async function updateAround(
  changed: ClusterTip[],
  loadCells: LoadCells,
  existing: Hotspot[] | HotspotSource,
  now: string,
  options?: Partial<HotspotOptions>,
  limits: WorkLimits = DEFAULT_WORK_LIMITS,
): Promise<HotspotChanges> {
  const o = resolveOptions(options);
  const source = Array.isArray(existing) ? arraySource(existing) : existing;
  const changedIds = new Set(changed.map((t) => t.id));
  const located = changed.filter((t) => Number.isFinite(t.lat) && Number.isFinite(t.lon));
  const start = boxOfPoints(located);
  if (start.minLat > start.maxLat) return { upserts: [], retired: [], events: [] };
  // Hotspots that already hold a changed tip (a status update): a polygon holds its tips, so
  // only hotspots whose box holds the tip's position are searched. A tip whose position
  // changed leaves its old hotspot to the scheduled full recomputation.
  const holds = (b: Box) => located.some((t) => boxContains(b, pointBox(t)));
  // A neighbourhood wider than the cap fails in the first round anyway: before any read.
  checkSpan(start, limits);
  const firstNear = await source.near(start, [...new Set(located.map((t) => tipCell(t.lat, t.lon)))]);
  const seeds = new Set(
    firstNear.filter((h) => holds(boxOfHotspot(h)) && h.memberTipIds.some((id) => changedIds.has(id))).map((h) => h.id),
  );
  let inner = unionBox(start, ...firstNear.filter((h) => seeds.has(h.id)).map(boxOfHotspot));
  const clusterMarginKm = 2 * o.epsKm * 1.01;
  const giMarginKm = (o.giStudyRadiusKm + 2 * o.hexSizeKm) * 1.01;
  const cache: LoadedCells = { cells: new Set(), tips: [], lats: [], lons: [], inWindow: [] };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const work = growBox(inner, clusterMarginKm);
    const tips = await tipsInBox(work, cache, loadCells, changed, now, o, limits);
    const clusters = clusterTips(tips, o);
    // Only hotspots reaching into the work box can share tips with, or hold, its clusters
    // (a polygon holds all its tips: the buffer exceeds the snapping).
    const nearby = await source.near(work, cellsInBox(work));
    const boxes = new Map(nearby.map((h) => [h.id, boxOfHotspot(h)]));
    const { targets, related } = affected(clusters, nearby, boxes, located, seeds, clusterMarginKm);
    const need = unionBox(
      inner,
      ...targets.map((c) => boxOfPoints(c.members)),
      ...related.map((h) => boxes.get(h.id) as Box),
    );
    if (boxContains(inner, need)) {
      const counted = await tipsInBox(growBox(inner, giMarginKm), cache, loadCells, changed, now, o, limits);
      const counts = hexCounts(
        counted.map((t) => t.lat),
        counted.map((t) => t.lon),
        o.hexSizeKm,
      );
      const ctx = { now, options: o, counts };
      if (Array.isArray(existing)) return assembleHotspots(targets, related, { ...ctx, takenIds: idsOf(existing) });
      return assembleWithProbedIds(targets, related, nearby, work, source, ctx);
    }
    inner = need;
  }
  throw new Error(`updateAround did not settle in ${MAX_ROUNDS} rounds`);
}

/** Every active hotspot as a source: those meeting the box, with all their members. */
function arraySource(existing: Hotspot[]): HotspotSource {
  const boxes = new Map(existing.map((h) => [h, boxOfHotspot(h)]));
  return {
    near: async (box) => existing.filter((h) => boxesMeet(boxes.get(h) as Box, box)),
    activeBox: async (id) => {
      const h = existing.find((e) => e.id === id);
      return h && boxes.get(h);
    },
  };
}

/**
 * Builds the changes with new ids checked against the store: an id a new hotspot would take is
 * looked up until none is unknown. An active hotspot met that way but lying in the working box
 * should have been among `nearby`: the source lagged, and the result would not be exact.
 */
async function assembleWithProbedIds(
  targets: TipCluster[],
  related: Hotspot[],
  nearby: Hotspot[],
  work: Box,
  source: HotspotSource,
  ctx: { now: string; options: HotspotOptions; counts: HexCounts },
): Promise<HotspotChanges> {
  const taken = new Set(nearby.map((h) => h.id));
  const known = new Set(taken);
  for (;;) {
    const unknown = new Set<string>();
    const probe = {
      has: (id: string) => {
        if (!known.has(id)) unknown.add(id);
        return taken.has(id);
      },
    };
    const changes = assembleHotspots(targets, related, { ...ctx, takenIds: probe });
    if (!unknown.size) return changes;
    for (const id of unknown) {
      known.add(id);
      const box = await source.activeBox(id);
      if (!box) continue;
      if (boxesMeet(box, work)) throw new StaleHotspotsError(id);
      taken.add(id);
    }
  }
}

/**
 * What the rounds have loaded: the cells read, and their tips (as many as the work cap
 * counts) with positions in flat arrays, so each pass over them reads numbers, not tip
 * objects, and whether each is in the window (read once, only for tips that fall inside a
 * box: 1 yes, 0 no, -1 not read yet).
 */
interface LoadedCells {
  cells: Set<string>;
  tips: ClusterTip[];
  lats: number[];
  lons: number[];
  inWindow: number[];
}

async function tipsInBox(
  work: Box,
  cache: LoadedCells,
  loadCells: LoadCells,
  changed: ClusterTip[],
  now: string,
  o: HotspotOptions,
  limits: WorkLimits,
): Promise<ClusterTip[]> {
  checkSpan(work, limits);
  const cells = cellsInBox(work);
  if (cells.length > limits.maxCells) {
    throw new WorkLimitError(
      'cells',
      `the neighbourhood needs ${cells.length} cells, over the cap of ${limits.maxCells}`,
    );
  }
  const test = windowTest(now, o.windowDays);
  const counts = (t: ClusterTip) => !Number.isNaN(test(t));
  const missing = cells.filter((c) => !cache.cells.has(c));
  if (missing.length) {
    for (const c of missing) cache.cells.add(c);
    const loaded = await loadCells(missing);
    if (cache.tips.length + loaded.length > limits.maxTips) {
      throw new WorkLimitError(
        'tips',
        `the neighbourhood holds ${cache.tips.length + loaded.length} tips, over the cap of ${limits.maxTips}`,
      );
    }
    for (const t of loaded) {
      cache.tips.push(t);
      cache.lats.push(t.lat);
      cache.lons.push(t.lon);
      cache.inWindow.push(-1);
    }
  }
  const inside = (lat: number, lon: number) =>
    lat >= work.minLat && lat <= work.maxLat && lon >= work.minLon && lon <= work.maxLon;
  // The index may lag the stream: the changed tips themselves are taken as given.
  const changedIds = new Set(changed.map((t) => t.id));
  const out: ClusterTip[] = changed.filter((t) => inside(t.lat, t.lon) && counts(t));
  // Every tip inside the box lies in one of its cells, so it has been loaded by now.
  const { tips, lats, lons, inWindow } = cache;
  for (let i = 0; i < tips.length; i++) {
    if (!inside(lats[i], lons[i])) continue;
    if (inWindow[i] < 0) inWindow[i] = counts(tips[i]) ? 1 : 0;
    if (inWindow[i] === 1 && !changedIds.has(tips[i].id)) out.push(tips[i]);
  }
  return out;
}

/** Target clusters and the stored hotspots related to them, closed under shared tips and containment. */
function affected(
  clusters: TipCluster[],
  existing: Hotspot[],
  boxes: Map<string, Box>,
  located: ClusterTip[],
  seeds: ReadonlySet<string>,
  marginKm: number,
) {
  const targets = new Set<TipCluster>();
  const byId = new Map(existing.map((h) => [h.id, h]));
  const related = new Set<string>([...seeds].filter((id) => byId.has(id)));
  for (const c of clusters) {
    const grown = growBox(boxOfPoints(c.members), marginKm);
    if (located.some((t) => boxContains(grown, pointBox(t)))) targets.add(c);
  }
  const clusterOfTip = new Map<string, TipCluster>();
  for (const c of clusters) for (const t of c.members) clusterOfTip.set(t.id, c);
  const ownerOfTip = new Map<string, string>();
  for (const h of existing) for (const id of h.memberTipIds) ownerOfTip.set(id, h.id);
  const centres = new Map(
    clusters.map((c) => [
      c,
      pointBox(
        meanPosition(
          c.members.map((t) => t.lat),
          c.members.map((t) => t.lon),
        ),
      ),
    ]),
  );
  const queue = [...targets];
  const pending = [...related];
  while (queue.length || pending.length) {
    for (let c = queue.pop(); c; c = queue.pop()) {
      const add = new Set<string>();
      for (const t of c.members) {
        const h = ownerOfTip.get(t.id);
        if (h) add.add(h);
      }
      const centre = centres.get(c) as Box;
      for (const h of existing) if (boxContains(boxes.get(h.id) as Box, centre)) add.add(h.id);
      for (const h of add) if (!related.has(h)) (related.add(h), pending.push(h));
    }
    for (let id = pending.pop(); id; id = pending.pop()) {
      const h = byId.get(id) as Hotspot;
      const add = new Set<TipCluster>();
      for (const tipId of h.memberTipIds) {
        const c = clusterOfTip.get(tipId);
        if (c) add.add(c);
      }
      const hb = boxes.get(id) as Box;
      for (const c of clusters) if (boxContains(hb, centres.get(c) as Box)) add.add(c);
      for (const c of add) if (!targets.has(c)) (targets.add(c), queue.push(c));
    }
  }
  const order = (a: TipCluster, b: TipCluster) => (a.key < b.key ? -1 : 1);
  return { targets: [...targets].sort(order), related: existing.filter((h) => related.has(h.id)) };
}

/** Throws before a box too wide to load is turned into cells (at the poles a box can span every longitude). */
function checkSpan(b: Box, limits: WorkLimits): void {
  const latKm = (b.maxLat - b.minLat) * KM_PER_DEG;
  const widestLat = Math.min(Math.abs(b.minLat), Math.abs(b.maxLat), b.minLat <= 0 && b.maxLat >= 0 ? 0 : 90);
  const lonKm = (b.maxLon - b.minLon) * KM_PER_DEG * Math.cos((widestLat * Math.PI) / 180);
  const spanKm = Math.max(latKm, lonKm);
  if (!(spanKm <= limits.maxSpanKm) || b.maxLon - b.minLon > 360) {
    throw new WorkLimitError(
      'span',
      `the neighbourhood spans ${Math.round(spanKm)} km, over the cap of ${limits.maxSpanKm} km`,
    );
  }
}

function pointBox(p: { lat: number; lon: number }): Box {
  return { minLat: p.lat, maxLat: p.lat, minLon: p.lon, maxLon: p.lon };
}
