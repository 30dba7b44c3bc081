/**
 * Stable identity: matches fresh clusters to the stored active hotspots so that ids, history
 * and alert state carry over. Pairs (cluster, hotspot) sharing member tips are taken greedily,
 * most shared tips first (ties: the older hotspot, then the smaller ids); a cluster sharing no
 * tip may still continue an unmatched hotspot whose polygon holds its centroid (its old tips
 * aged out). Left-over hotspots sharing tips with a cluster merged into it; a left-over
 * cluster sharing tips with a taken hotspot split from it; the rest are new or expired.
 * Decisions only involve clusters and hotspots linked by shared tips or containment, so a
 * neighbourhood can be matched on its own (update-around.ts).
 */
import type { Hotspot, LatLon } from '../types.js';
import type { ColumnCluster } from './cluster-tips.js';
import { meanPosition } from './geometry.js';
import type { TipColumns } from './tip-columns.js';

/** The outcome for one cluster. */
export interface ClusterMatch {
  previous?: Hotspot;
  mergedFrom: string[];
  splitFrom?: string;
}

/** What matching needs of a fresh cluster: its key, its centre, and the tips it shares with each stored hotspot. */
export interface ClusterFacts {
  key: string;
  centre: LatLon;
  /** Shared tips per stored hotspot (by index into `existing`). */
  overlaps: Map<number, number>;
}

/** Facts of clusters of columns; `owner[i]` is the index of the stored hotspot holding tip `i`, or -1. */
export function factsOfColumnClusters(cols: TipColumns, clusters: ColumnCluster[], owner: Int32Array): ClusterFacts[] {
  return clusters.map((c) => {
    const overlaps = new Map<number, number>();
    const lats = new Float64Array(c.members.length);
    const lons = new Float64Array(c.members.length);
    c.members.forEach((i, k) => {
      lats[k] = cols.lat[i];
      lons[k] = cols.lon[i];
      const e = owner[i];
      if (e >= 0) overlaps.set(e, (overlaps.get(e) ?? 0) + 1);
    });
    return { key: c.key, centre: meanPosition(lats, lons), overlaps };
  });
}

/** Matches; `retired` maps each unmatched hotspot to the cluster index it merged into (-1: none). */
export function matchClusters(
  clusters: ClusterFacts[],
  existing: Hotspot[],
): { matches: ClusterMatch[]; retired: Map<Hotspot, number> } {
  const overlaps = clusters.map((c) => c.overlaps);
  const pairs: Array<{ c: number; e: number; shared: number }> = [];
  overlaps.forEach((m, c) => m.forEach((shared, e) => pairs.push({ c, e, shared })));
  const older = (a: Hotspot, b: Hotspot) =>
    a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  pairs.sort(
    (a, b) =>
      b.shared - a.shared || older(existing[a.e], existing[b.e]) || (clusters[a.c].key < clusters[b.c].key ? -1 : 1),
  );
  const hotspotOf = new Int32Array(clusters.length).fill(-1);
  const clusterOf = new Int32Array(existing.length).fill(-1);
  for (const { c, e } of pairs) {
    if (hotspotOf[c] >= 0 || clusterOf[e] >= 0) continue;
    hotspotOf[c] = e;
    clusterOf[e] = c;
  }
  matchByContainment(clusters, existing, overlaps, hotspotOf, clusterOf, older);
  return collect(clusters, existing, overlaps, hotspotOf, clusterOf);
}

function matchByContainment(
  clusters: ClusterFacts[],
  existing: Hotspot[],
  overlaps: Array<Map<number, number>>,
  hotspotOf: Int32Array,
  clusterOf: Int32Array,
  older: (a: Hotspot, b: Hotspot) => number,
): void {
  const free = existing
    .map((_, e) => e)
    .filter((e) => clusterOf[e] < 0)
    .sort((a, b) => older(existing[a], existing[b]));
  if (free.length === 0) return;
  clusters.forEach((c, ci) => {
    if (hotspotOf[ci] >= 0 || overlaps[ci].size > 0) return;
    const centre = c.centre;
    const e = free.find((e) => clusterOf[e] < 0 && containsPoint(existing[e], centre.lat, centre.lon));
    if (e === undefined) return;
    hotspotOf[ci] = e;
    clusterOf[e] = ci;
  });
}

function collect(
  clusters: ClusterFacts[],
  existing: Hotspot[],
  overlaps: Array<Map<number, number>>,
  hotspotOf: Int32Array,
  clusterOf: Int32Array,
) {
  const matches: ClusterMatch[] = clusters.map((_, c) => ({
    ...(hotspotOf[c] >= 0 ? { previous: existing[hotspotOf[c]] } : {}),
    mergedFrom: [],
  }));
  const retired = new Map<Hotspot, number>();
  existing.forEach((h, e) => {
    if (clusterOf[e] >= 0) return;
    // Merged into the cluster holding most of its tips (ties: the smaller key).
    let into = -1;
    let most = 0;
    overlaps.forEach((m, c) => {
      const shared = m.get(e) ?? 0;
      if (shared > most) {
        into = c;
        most = shared;
      }
    });
    retired.set(h, into);
    if (into >= 0 && hotspotOf[into] >= 0) matches[into].mergedFrom.push(h.id);
  });
  clusters.forEach((_, c) => {
    if (hotspotOf[c] >= 0 || overlaps[c].size === 0) return;
    const [[e]] = [...overlaps[c].entries()].sort(
      (a, b) => b[1] - a[1] || (existing[a[0]].id < existing[b[0]].id ? -1 : 1),
    );
    matches[c].splitFrom = existing[e].id;
  });
  matches.forEach((m) => m.mergedFrom.sort());
  return { matches, retired };
}

/** Point in the hotspot's polygon (outer rings; even-odd rule). */
export function containsPoint(h: Hotspot, lat: number, lon: number): boolean {
  const polygons = h.geometry.type === 'Polygon' ? [h.geometry.coordinates] : h.geometry.coordinates;
  return polygons.some((rings) => {
    const ring = rings[0];
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  });
}
