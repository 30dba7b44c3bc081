/**
 * Groups tips into clusters for hotspots: the exact DBSCAN of dbscan.ts over tips sorted by
 * id, with one deliberate change: a non-core tip joins the cluster of its NEAREST core within
 * eps (ties: the core with the smaller id) instead of turf's lowest-numbered cluster. That
 * rule depends only on tips within eps, so re-clustering a neighbourhood (update-around.ts)
 * gives the same clusters as clustering everything.
 */
import KDBush from 'kdbush';
import type { ClusterTip } from '../types.js';
import { dbscanWithMetric } from './dbscan.js';
import { HotspotInputError } from './errors.js';
import { neighbourMetric, type NeighbourMetric } from './turf-metric.js';
import { columnsOf, type TipColumns } from './tip-columns.js';

/** One cluster: member tips sorted by id; `key` is the smallest id among its core tips. */
export interface TipCluster {
  key: string;
  members: ClusterTip[];
}

/** Orders tips by id (plain code-unit order, the same in every runtime). */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The columns each cluster of {@link clusterTips} was computed on, with its member indices:
 * building its hotspot (engine.ts) then reads them instead of packing the same tips again,
 * which cost as much as the geometry itself. Weak: it goes with the clusters.
 */
const clusterColumnsOf = new WeakMap<TipCluster, { cols: TipColumns; members: Int32Array }>();

/** The columns and member indices `c` was clustered from, if {@link clusterTips} made it. */
export function columnsOfCluster(c: TipCluster): { cols: TipColumns; members: Int32Array } | undefined {
  return clusterColumnsOf.get(c);
}

/** Clusters tips; clusters come sorted by `key`. */
export function clusterTips(tips: ClusterTip[], options: { epsKm: number; minPoints: number }): TipCluster[] {
  const cols = columnsOf(tips);
  return clusterColumns(cols, options).map((c) => {
    const cluster = { key: c.key, members: Array.from(c.members, (i) => tips[i]) };
    clusterColumnsOf.set(cluster, { cols, members: c.members });
    return cluster;
  });
}

/** One cluster of {@link clusterColumns}: member indices into the columns, in id order. */
export interface ColumnCluster {
  key: string;
  members: Int32Array;
}

/** Clusters tips given as columns (the same clusters as {@link clusterTips}); clusters come sorted by `key`. */
export function clusterColumns(cols: TipColumns, options: { epsKm: number; minPoints: number }): ColumnCluster[] {
  const n = cols.length;
  const order = idOrder(cols.ids);
  const lats = new Float64Array(n);
  const lons = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lats[i] = cols.lat[order[i]];
    lons[i] = cols.lon[order[i]];
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(lats[i]) || !Number.isFinite(lons[i]) || Math.abs(lats[i]) > 90) {
      throw new HotspotInputError(`tip ${cols.ids[order[i]]} has invalid coordinates (${lats[i]}, ${lons[i]})`);
    }
  }
  if (!(options.epsKm > 0)) throw new HotspotInputError(`epsKm must be > 0, got ${options.epsKm}`);
  const metric = neighbourMetric(lats, lons, options.epsKm);
  const labels = dbscanWithMetric(lats, lons, metric, options.minPoints || 3);
  const owner = Int32Array.from(labels.cluster);
  reassignBorders(lats, lons, labels.core, owner, metric);
  // Members per cluster in sorted (id) order; scanning in id order, the first core seen of
  // each cluster has its smallest core id.
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) if (owner[i] >= 0) sizes.set(owner[i], (sizes.get(owner[i]) ?? 0) + 1);
  const groups = new Map<number, { key?: string; members: Int32Array; filled: number }>();
  for (const [id, size] of sizes) groups.set(id, { members: new Int32Array(size), filled: 0 });
  for (let i = 0; i < n; i++) {
    if (owner[i] < 0) continue;
    const g = groups.get(owner[i])!;
    g.members[g.filled++] = order[i];
    if (labels.core[i] && g.key === undefined) g.key = cols.ids[order[i]];
  }
  return [...groups.values()]
    .map((g) => ({ key: g.key as string, members: g.members }))
    .sort((a, b) => byId({ id: a.key }, { id: b.key }));
}

/** Indices of `ids` in id order (ties keep input order, like a stable sort of the tips). */
function idOrder(ids: readonly string[]): Int32Array {
  const order = Array.from({ length: ids.length }, (_, i) => i);
  order.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  return Int32Array.from(order);
}

/** Moves each clustered non-core point to the cluster of its nearest core (turf's metric). */
function reassignBorders(
  lats: Float64Array,
  lons: Float64Array,
  core: Uint8Array,
  owner: Int32Array,
  metric: NeighbourMetric,
): void {
  const n = lats.length;
  const cores: number[] = [];
  for (let i = 0; i < n; i++) if (core[i]) cores.push(i);
  if (cores.length === 0 || cores.length === n) return;
  const index = new KDBush(cores.length);
  for (const c of cores) index.add(lons[c], lats[c]);
  index.finish();
  for (let p = 0; p < n; p++) {
    if (core[p] || owner[p] < 0) continue;
    // Generous box: turf's test uses the core's box, whose width differs only slightly.
    const dLon = 2 * metric.lonDeg[p];
    const dLat = 2 * metric.latDeg;
    let best = -1;
    let bestKm = Infinity;
    for (const k of index.range(lons[p] - dLon, lats[p] - dLat, lons[p] + dLon, lats[p] + dLat)) {
      const c = cores[k];
      if (!metric.isNeighbour(c, p)) continue;
      const km = metric.distance(c, p);
      if (km < bestKm || (km === bestKm && c < best)) {
        best = c;
        bestKm = km;
      }
    }
    if (best >= 0) owner[p] = owner[best];
  }
}
