/**
 * Full recomputation: every tip in the window is clustered, every cluster becomes a hotspot
 * matched to the stored ones, and stored hotspots left without a cluster retire. This is the
 * scheduled safety net; update-around.ts does the same for one neighbourhood.
 */
import type { ClusterTip, Hotspot } from '../types.js';
import { buildHotspotOfColumns, type HotspotIdentity } from './build-hotspot.js';
import { clusterColumns, columnsOfCluster, type TipCluster } from './cluster-tips.js';
import { hexCounts, type HexCounts } from './gi-star.js';
import { factsOfColumnClusters, matchClusters, type ClusterFacts } from './identity.js';
import { columnsOf, TipColumnsBuilder, type TipColumns } from './tip-columns.js';
import { inWindow } from './in-window.js';
import { StringIndex } from './string-index.js';
import { resolveOptions, type HotspotOptions } from './options.js';
import { stableHash } from '../stable-hash.js';
import { KEY_PREFIX } from '../tables.js';

/** What changed, for the caller to store: `upserts` are active, `retired` carry `status: 'retired'`. */
export interface HotspotChanges {
  /** Hotspots to write (every hotspot recomputed, changed or not). */
  upserts: Hotspot[];
  /** Stored hotspots that no longer have a cluster, with `status: 'retired'`. */
  retired: Hotspot[];
  /** Identity events of this recomputation, for logs and audit. */
  events: HotspotEvent[];
}

/** An identity event: a hotspot appeared, absorbed others, split off, or retired. */
export interface HotspotEvent {
  type: 'created' | 'merged' | 'split' | 'retired';
  hotspotId: string;
  /** `merged`: the retired hotspots absorbed; `split`: the hotspot split from; `retired`: the one it merged into. */
  related?: string[];
}

/**
 * Recomputes all hotspots from the tips in the window (`receivedAt` within `windowDays` of
 * `now`; older tips in `tips` are ignored). `existing`: the active stored hotspots.
 */
export function recomputeHotspots(input: {
  tips: ClusterTip[];
  existing: Hotspot[];
  now: string;
  options?: Partial<HotspotOptions>;
}): HotspotChanges {
  const options = resolveOptions(input.options);
  const cols = columnsOf(inWindow(input.tips, input.now, options.windowDays));
  return recomputeColumns({ cols, existing: input.existing, now: input.now, options });
}

/**
 * {@link recomputeHotspots} over tips already in columns (read-window.ts reads them page by
 * page, filtered to the window): the same clusters, identities and hotspots.
 */
export function recomputeColumns(input: {
  cols: TipColumns;
  existing: Hotspot[];
  now: string;
  options?: Partial<HotspotOptions>;
}): HotspotChanges {
  const options = resolveOptions(input.options);
  const { cols, existing } = input;
  const clusters = clusterColumns(cols, options);
  const counts = hexCounts(cols.lat, cols.lon, options.hexSizeKm);
  const facts = factsOfColumnClusters(cols, clusters, ownersOf(cols, existing));
  return assembleFrom(
    facts,
    existing,
    (c, identity, ctx) => buildHotspotOfColumns(cols, clusters[c].members, identity, ctx),
    {
      now: input.now,
      options,
      counts,
      takenIds: idsOf(existing),
    },
  );
}

/** For each tip, the index of the stored hotspot listing it (the last one, if several do), else -1. */
function ownersOf(cols: TipColumns, existing: readonly Hotspot[]): Int32Array {
  const owner = new Int32Array(cols.length).fill(-1);
  if (!existing.some((h) => h.memberTipIds.length)) return owner;
  const index = new StringIndex(cols.length);
  const tipOf = new Int32Array(cols.length);
  // Ids are unique in practice; a repeated one marks every tip carrying it.
  const repeated = new Map<number, number[]>();
  cols.ids.forEach((id, i) => {
    const before = index.size;
    const k = index.intern(id);
    if (index.size > before) tipOf[k] = i;
    else repeated.set(k, [...(repeated.get(k) ?? []), i]);
  });
  existing.forEach((h, e) => {
    for (const id of h.memberTipIds) {
      const k = index.find(id);
      if (k < 0) continue;
      owner[tipOf[k]] = e;
      for (const i of repeated.get(k) ?? []) owner[i] = e;
    }
  });
  return owner;
}

export { MAX_CLUSTER_LAT } from './in-window.js';

/** The ids of the hotspots, which new hotspots must not reuse. */
export function idsOf(hotspots: Hotspot[]): Set<string> {
  return new Set(hotspots.map((h) => h.id));
}

/** The ids a new hotspot must not take: a set, or anything that answers `has`. */
export interface TakenIds {
  has(id: string): boolean;
}

interface AssembleContext {
  now: string;
  options: HotspotOptions;
  counts: HexCounts;
  takenIds: TakenIds;
}

/**
 * Matches clusters to `existing` and builds the changes. `takenIds`: ids of every active
 * stored hotspot (a new hotspot gets a fresh id even if its key once named another one).
 */
export function assembleHotspots(clusters: TipCluster[], existing: Hotspot[], ctx: AssembleContext): HotspotChanges {
  const { cols, members } = clustersInColumns(clusters);
  const columnClusters = clusters.map((c, i) => ({ key: c.key, members: members[i] }));
  const facts = factsOfColumnClusters(cols, columnClusters, ownersOf(cols, existing));
  return assembleFrom(
    facts,
    existing,
    (c, identity, build) => buildHotspotOfColumns(cols, members[c], identity, build),
    ctx,
  );
}

/**
 * The clusters' members as columns and indices: the columns they were clustered from when
 * they all share them (`clusterTips`), else every member packed into one new set, cluster
 * after cluster, so matching and building run as in the full recomputation.
 */
function clustersInColumns(clusters: TipCluster[]): { cols: TipColumns; members: Int32Array[] } {
  const known = clusters.map(columnsOfCluster);
  const cols = known[0]?.cols;
  if (cols && known.every((k) => k?.cols === cols)) return { cols, members: known.map((k) => k!.members) };
  const builder = new TipColumnsBuilder();
  const members = clusters.map((c) => {
    const from = builder.length;
    const indices = new Int32Array(c.members.length);
    for (let k = 0; k < indices.length; k++) {
      builder.add(c.members[k]);
      indices[k] = from + k;
    }
    return indices;
  });
  return { cols: builder.finish(), members };
}

function assembleFrom(
  clusters: ClusterFacts[],
  existing: Hotspot[],
  build: (cluster: number, identity: HotspotIdentity, ctx: AssembleContext) => Hotspot,
  ctx: AssembleContext,
): HotspotChanges {
  const { matches, retired } = matchClusters(clusters, existing);
  const events: HotspotEvent[] = [];
  const added = new Set<string>();
  const taken = (id: string) => added.has(id) || ctx.takenIds.has(id);
  const upserts = clusters.map((c, i) => {
    const m = matches[i];
    let id = m.previous?.id ?? hotspotId(c.key);
    for (let attempt = 1; !m.previous && taken(id); attempt++) id = hotspotId(`${c.key}#${attempt}`);
    added.add(id);
    if (!m.previous)
      events.push({
        type: m.splitFrom ? 'split' : 'created',
        hotspotId: id,
        ...(m.splitFrom ? { related: [m.splitFrom] } : {}),
      });
    if (m.mergedFrom.length) events.push({ type: 'merged', hotspotId: id, related: m.mergedFrom });
    return build(i, { id, ...m }, ctx);
  });
  const retiredOut: Hotspot[] = [];
  for (const [h, into] of retired) {
    const intoId = into >= 0 ? upserts[into].id : undefined;
    retiredOut.push({ ...h, status: 'retired', updatedAt: ctx.now, ...(intoId ? { mergedInto: intoId } : {}) });
    events.push({ type: 'retired', hotspotId: h.id, ...(intoId ? { related: [intoId] } : {}) });
  }
  return { upserts, retired: retiredOut, events };
}

/**
 * Deterministic id of a new hotspot from its cluster key (smallest core tip id), so a full and
 * an incremental recomputation name it alike; hashed so no tip id is exposed publicly.
 */
export function hotspotId(key: string): string {
  return `${KEY_PREFIX.hotspot}${stableHash(key)}`;
}
