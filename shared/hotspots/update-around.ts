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
import { boxContains, boxOfHotspot, boxOfPoints, growBox, unionBox, type Box } from './box.js';
import { cellsInBox, tipCell } from './tip-cells.js';
import { WorkLimitError } from './errors.js';
import { clusterTips, type TipCluster } from './cluster-tips.js';
import { assembleHotspots, idsOf, inWindow, type HotspotChanges } from './engine.js';
import { meanPosition } from './geometry.js';
import { hexCounts } from './gi-star.js';
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
 * Re-clusters the neighbourhood of `changed` (tips within clustering reach of one another:
 * split a batch with `splitNeighbourhoods` first). Throws {@link WorkLimitError} before it
 * loads more than `limits` allow.
 */
export async function updateAround(
  changed: ClusterTip[],
  loadCells: LoadCells,
  existing: Hotspot[],
  now: string,
  options?: Partial<HotspotOptions>,
  limits: WorkLimits = DEFAULT_WORK_LIMITS,
): Promise<HotspotChanges> {
  const o = resolveOptions(options);
  const changedIds = new Set(changed.map((t) => t.id));
  const located = changed.filter((t) => Number.isFinite(t.lat) && Number.isFinite(t.lon));
  const boxes = new Map(existing.map((h) => [h, boxOfHotspot(h)]));
  // Hotspots that already hold a changed tip (a status update): a polygon holds its tips, so
  // only hotspots whose box holds the tip's position are searched. A tip whose position
  // changed leaves its old hotspot to the scheduled full recomputation.
  const holds = (h: Hotspot) => located.some((t) => boxContains(boxes.get(h) as Box, pointBox(t)));
  const seeds = existing.filter((h) => holds(h) && h.memberTipIds.some((id) => changedIds.has(id)));
  let inner = unionBox(boxOfPoints(located), ...seeds.map((h) => boxes.get(h) as Box));
  if (inner.minLat > inner.maxLat) return { upserts: [], retired: [], events: [] };
  const clusterMarginKm = 2 * o.epsKm * 1.01;
  const giMarginKm = (o.giStudyRadiusKm + 2 * o.hexSizeKm) * 1.01;
  const cache = new Map<string, ClusterTip[]>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const work = growBox(inner, clusterMarginKm);
    const tips = await tipsInBox(work, cache, loadCells, changed, now, o, limits);
    const clusters = clusterTips(tips, o);
    // Only hotspots reaching into the work box can share tips with, or hold, its clusters
    // (a polygon holds all its tips: the buffer exceeds the snapping).
    const nearby = existing.filter((h) => boxesMeet(boxes.get(h) as Box, work) || seeds.includes(h));
    const { targets, related } = affected(clusters, nearby, boxes, located, seeds, clusterMarginKm);
    const need = unionBox(
      inner,
      ...targets.map((c) => boxOfPoints(c.members)),
      ...related.map((h) => boxes.get(h) as Box),
    );
    if (boxContains(inner, need)) {
      const counted = await tipsInBox(growBox(inner, giMarginKm), cache, loadCells, changed, now, o, limits);
      const counts = hexCounts(
        counted.map((t) => t.lat),
        counted.map((t) => t.lon),
        o.hexSizeKm,
      );
      return assembleHotspots(targets, related, { now, options: o, counts, takenIds: idsOf(existing) });
    }
    inner = need;
  }
  throw new Error(`updateAround did not settle in ${MAX_ROUNDS} rounds`);
}

async function tipsInBox(
  work: Box,
  cache: Map<string, ClusterTip[]>,
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
  const missing = cells.filter((c) => !cache.has(c));
  if (missing.length) {
    for (const c of missing) cache.set(c, []);
    for (const t of await loadCells(missing)) cache.get(tipCell(t.lat, t.lon))?.push(t);
    let loaded = 0;
    for (const list of cache.values()) loaded += list.length;
    if (loaded > limits.maxTips) {
      throw new WorkLimitError('tips', `the neighbourhood holds ${loaded} tips, over the cap of ${limits.maxTips}`);
    }
  }
  const inside = (t: ClusterTip) =>
    t.lat >= work.minLat && t.lat <= work.maxLat && t.lon >= work.minLon && t.lon <= work.maxLon;
  // The index may lag the stream: the changed tips themselves are taken as given.
  const changedIds = new Set(changed.map((t) => t.id));
  const out: ClusterTip[] = changed.filter(inside);
  for (const list of cache.values()) for (const t of list) if (inside(t) && !changedIds.has(t.id)) out.push(t);
  return inWindow(out, now, o.windowDays);
}

/** Target clusters and the stored hotspots related to them, closed under shared tips and containment. */
function affected(
  clusters: TipCluster[],
  existing: Hotspot[],
  boxes: Map<Hotspot, Box>,
  located: ClusterTip[],
  seeds: Hotspot[],
  marginKm: number,
) {
  const targets = new Set<TipCluster>();
  const related = new Set<Hotspot>(seeds);
  for (const c of clusters) {
    const grown = growBox(boxOfPoints(c.members), marginKm);
    if (located.some((t) => boxContains(grown, pointBox(t)))) targets.add(c);
  }
  const clusterOfTip = new Map<string, TipCluster>();
  for (const c of clusters) for (const t of c.members) clusterOfTip.set(t.id, c);
  const ownerOfTip = new Map<string, Hotspot>();
  for (const h of existing) for (const id of h.memberTipIds) ownerOfTip.set(id, h);
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
      const add = new Set<Hotspot>();
      for (const t of c.members) {
        const h = ownerOfTip.get(t.id);
        if (h) add.add(h);
      }
      const centre = centres.get(c) as Box;
      for (const h of existing) if (boxContains(boxes.get(h) as Box, centre)) add.add(h);
      for (const h of add) if (!related.has(h)) (related.add(h), pending.push(h));
    }
    for (let h = pending.pop(); h; h = pending.pop()) {
      const add = new Set<TipCluster>();
      for (const id of h.memberTipIds) {
        const c = clusterOfTip.get(id);
        if (c) add.add(c);
      }
      const hb = boxes.get(h) as Box;
      for (const c of clusters) if (boxContains(hb, centres.get(c) as Box)) add.add(c);
      for (const c of add) if (!targets.has(c)) (targets.add(c), queue.push(c));
    }
  }
  const order = (a: TipCluster, b: TipCluster) => (a.key < b.key ? -1 : 1);
  return { targets: [...targets].sort(order), related: existing.filter((h) => related.has(h)) };
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

function boxesMeet(a: Box, b: Box): boolean {
  return a.minLat <= b.maxLat && b.minLat <= a.maxLat && a.minLon <= b.maxLon && b.minLon <= a.maxLon;
}

function pointBox(p: { lat: number; lon: number }): Box {
  return { minLat: p.lat, maxLat: p.lat, minLon: p.lon, maxLon: p.lon };
}
