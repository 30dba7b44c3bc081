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

/** One cluster: member tips sorted by id; `key` is the smallest id among its core tips. */
export interface TipCluster {
  key: string;
  members: ClusterTip[];
}

/** Orders tips by id (plain code-unit order, the same in every runtime). */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Clusters tips; clusters come sorted by `key`. */
export function clusterTips(tips: ClusterTip[], options: { epsKm: number; minPoints: number }): TipCluster[] {
  const sorted = [...tips].sort(byId);
  const n = sorted.length;
  const lats = new Float64Array(n);
  const lons = new Float64Array(n);
  sorted.forEach((t, i) => {
    lats[i] = t.lat;
    lons[i] = t.lon;
  });
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(lats[i]) || !Number.isFinite(lons[i]) || Math.abs(lats[i]) > 90) {
      throw new HotspotInputError(`tip ${sorted[i].id} has invalid coordinates (${lats[i]}, ${lons[i]})`);
    }
  }
  if (!(options.epsKm > 0)) throw new HotspotInputError(`epsKm must be > 0, got ${options.epsKm}`);
  const metric = neighbourMetric(lats, lons, options.epsKm);
  const labels = dbscanWithMetric(lats, lons, metric, options.minPoints || 3);
  const owner = Int32Array.from(labels.cluster);
  reassignBorders(lats, lons, labels.core, owner, metric);
  const groups = new Map<number, ClusterTip[]>();
  for (let i = 0; i < n; i++) {
    if (owner[i] < 0) continue;
    const g = groups.get(owner[i]);
    if (g) g.push(sorted[i]);
    else groups.set(owner[i], [sorted[i]]);
  }
  // Scanning in id order, the first core seen of each cluster has its smallest core id.
  const keyOf = new Map<number, string>();
  for (let i = 0; i < n; i++) if (labels.core[i] && !keyOf.has(owner[i])) keyOf.set(owner[i], sorted[i].id);
  return [...groups.entries()]
    .map(([id, members]) => ({ key: keyOf.get(id) as string, members }))
    .sort((a, b) => byId({ id: a.key }, { id: b.key }));
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
