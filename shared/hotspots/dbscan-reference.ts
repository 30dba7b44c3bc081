/**
 * A line-by-line port of `turf.clustersDbscan` (@turf/turf 7.4) on flat arrays, with kdbush
 * in place of rbush. It reproduces turf's labels by construction, including its quirks, and
 * is the fallback of the grid DBSCAN for inputs where turf's neighbour test is not
 * symmetric (see dbscan.ts). Cost is turf's: every region query runs in full.
 */
import KDBush from 'kdbush';
import type { NeighbourMetric } from './turf-metric.js';

/** Labels in turf's numbering; `kind` 0 core, 1 edge, 2 noise (turf's `dbscan` property). */
export interface DbscanLabels {
  /** Cluster id per point (turf's numbering), -1 for noise. */
  cluster: Int32Array;
  /** Turf's label per point: 0 `core`, 1 `edge`, 2 `noise`. */
  kind: Uint8Array;
  /** 1 where the point has at least `minPoints` neighbours (itself included). */
  core: Uint8Array;
  /** Number of clusters (ids run from 0 to `clusterCount - 1`). */
  clusterCount: number;
  /** Which algorithm produced the labels: the grid, or this port of turf (fallback). */
  path: 'grid' | 'reference';
}

/** Runs turf's algorithm verbatim over `lats`/`lons` with the given neighbour metric. */
export function dbscanReference(
  lats: Float64Array,
  lons: Float64Array,
  metric: NeighbourMetric,
  minPoints: number,
): DbscanLabels {
  const n = lats.length;
  const index = new KDBush(Math.max(n, 1));
  for (let i = 0; i < n; i++) index.add(lons[i], lats[i]);
  if (n === 0) index.add(0, 0);
  index.finish();
  const { latDeg, lonDeg } = metric;
  const regionQuery = (p: number): number[] => {
    const y = lats[p];
    const x = lons[p];
    const ids = index.range(
      Math.max(x - lonDeg[p], -360),
      Math.max(y - latDeg, -90),
      Math.min(x + lonDeg[p], 360),
      Math.min(y + latDeg, 90),
    );
    return ids.filter((q) => q < n && metric.isNeighbour(p, q));
  };
  const visited = new Uint8Array(n);
  const noiseFirst = new Uint8Array(n);
  const core = new Uint8Array(n);
  const cluster = new Int32Array(n).fill(-1);
  const expand = (id: number, neighbours: number[]): void => {
    for (let i = 0; i < neighbours.length; i++) {
      const q = neighbours[i];
      if (!visited[q]) {
        visited[q] = 1;
        const next = regionQuery(q);
        if (next.length >= minPoints) {
          core[q] = 1;
          for (const r of next) neighbours.push(r);
        }
      }
      if (cluster[q] < 0) cluster[q] = id;
    }
  };
  let clusterCount = 0;
  for (let p = 0; p < n; p++) {
    if (visited[p]) continue;
    const neighbours = regionQuery(p);
    if (neighbours.length >= minPoints) {
      visited[p] = 1;
      core[p] = 1;
      expand(clusterCount++, neighbours);
    } else {
      // Turf marks the point as noise but not visited: a later cluster may still take it.
      noiseFirst[p] = 1;
    }
  }
  const kind = new Uint8Array(n);
  for (let p = 0; p < n; p++) kind[p] = cluster[p] < 0 ? 2 : noiseFirst[p] ? 1 : 0;
  return { cluster, kind, core, clusterCount, path: 'reference' };
}
