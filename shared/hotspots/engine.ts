/**
 * Full recomputation: every tip in the window is clustered, every cluster becomes a hotspot
 * matched to the stored ones, and stored hotspots left without a cluster retire. This is the
 * scheduled safety net; update-around.ts does the same for one neighbourhood.
 */
import type { ClusterTip, Hotspot } from '../types.js';
import { buildHotspot } from './build-hotspot.js';
import { HotspotInputError } from './errors.js';
import { clusterTips, type TipCluster } from './cluster-tips.js';
import { hexCounts, type HexCounts } from './gi-star.js';
import { matchClusters } from './identity.js';
import { resolveOptions, type HotspotOptions } from './options.js';
import { isoMs } from './time.js';
import { stableHash } from '../stable-hash.js';

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

const DAY_MS = 86_400_000;

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
  const tips = inWindow(input.tips, input.now, options.windowDays);
  const clusters = clusterTips(tips, options);
  const counts = hexCounts(
    tips.map((t) => t.lat),
    tips.map((t) => t.lon),
    options.hexSizeKm,
  );
  return assembleHotspots(clusters, input.existing, {
    now: input.now,
    options,
    counts,
    takenIds: idsOf(input.existing),
  });
}

/**
 * Farthest latitude a tip is clustered at, degrees. The buffered hull is drawn on a local plane
 * that degenerates at the poles (four tips at latitude 90 once made a polygon with longitudes
 * of ±4.4e13); no service area reaches past this, the limit of Web Mercator maps.
 */
export const MAX_CLUSTER_LAT = 85;

/** Tips received within `windowDays` before `now` (and not after it), with a finite position within {@link MAX_CLUSTER_LAT}, not dismissed. */
export function inWindow(tips: ClusterTip[], now: string, windowDays: number): ClusterTip[] {
  const nowMs = isoMs(now);
  if (!Number.isFinite(nowMs)) throw new HotspotInputError(`now must be an ISO 8601 time, got ${now}`);
  const since = nowMs - windowDays * DAY_MS;
  return tips.filter((t) => {
    const at = isoMs(t.receivedAt);
    return (
      at > since &&
      at <= nowMs &&
      t.status !== 'dismissed' &&
      Number.isFinite(t.lat) &&
      Number.isFinite(t.lon) &&
      Math.abs(t.lat) <= MAX_CLUSTER_LAT &&
      Math.abs(t.lon) <= 180
    );
  });
}

/** The ids of the hotspots, which new hotspots must not reuse. */
export function idsOf(hotspots: Hotspot[]): Set<string> {
  return new Set(hotspots.map((h) => h.id));
}

/**
 * Matches clusters to `existing` and builds the changes. `takenIds`: ids of every active
 * stored hotspot (a new hotspot gets a fresh id even if its key once named another one).
 */
export function assembleHotspots(
  clusters: TipCluster[],
  existing: Hotspot[],
  ctx: { now: string; options: HotspotOptions; counts: HexCounts; takenIds: Set<string> },
): HotspotChanges {
  const { matches, retired } = matchClusters(clusters, existing);
  const events: HotspotEvent[] = [];
  const taken = new Set(ctx.takenIds);
  const upserts = clusters.map((c, i) => {
    const m = matches[i];
    let id = m.previous?.id ?? hotspotId(c.key);
    for (let attempt = 1; !m.previous && taken.has(id); attempt++) id = hotspotId(`${c.key}#${attempt}`);
    taken.add(id);
    if (!m.previous)
      events.push({
        type: m.splitFrom ? 'split' : 'created',
        hotspotId: id,
        ...(m.splitFrom ? { related: [m.splitFrom] } : {}),
      });
    if (m.mergedFrom.length) events.push({ type: 'merged', hotspotId: id, related: m.mergedFrom });
    return buildHotspot(c.members, { id, ...m }, ctx);
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
  return `hs-${stableHash(key)}`;
}
