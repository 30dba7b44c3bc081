/**
 * The public view of hotspots is a published snapshot, rebuilt on a schedule (hourly by
 * default), never on each tip: a map that changes with every tip dates and places each
 * informant (ADR 0007). The privacy rule itself lives in `shared/public-hotspots/`.
 */
import type { HotspotLinkBody, PublicHotspotCollection, ZoneCheckBody } from '../api/wire.js';
import { reverseGeocode, type Gazetteer } from '../geocoder/index.js';
import { buildPublicSnapshot, checkZone, isPublicHotspot } from '../public-hotspots/index.js';
import type { ServiceArea } from '../service-area/index.js';
import type { LatLon } from '../types.js';
import { NotFoundError } from './errors.js';
import type { Clock, HotspotStore, SnapshotStore } from './ports.js';

export interface SnapshotDeps {
  hotspots: Pick<HotspotStore, 'listActive' | 'get'>;
  snapshots: SnapshotStore;
  clock: Clock;
}

/** Builds the snapshot from the live hotspots and publishes it; returns it. */
export async function publishPublicSnapshot(deps: SnapshotDeps): Promise<PublicHotspotCollection> {
  // The snapshot draws polygons: it reads no member lists.
  const snapshot = buildPublicSnapshot(await deps.hotspots.listActive({ members: false }), {
    publishedAt: deps.clock.now(),
  });
  await deps.snapshots.publish(snapshot);
  return snapshot;
}

/** The latest snapshot; the first read of a new deployment publishes one. */
export async function latestPublicSnapshot(deps: SnapshotDeps): Promise<PublicHotspotCollection> {
  return (await deps.snapshots.latest()) ?? publishPublicSnapshot(deps);
}

/** The patrol check from the snapshot, with the place of the point (at sea, the nearest tambon). */
export function zoneCheckOf(
  snapshot: PublicHotspotCollection,
  gazetteer: Gazetteer,
  point: LatLon,
  area?: ServiceArea,
): ZoneCheckBody {
  const zone = checkZone(snapshot, point);
  const place = reverseGeocode(gazetteer, point, area);
  return { ...zone, admin: place.admin ?? null, snapshotAt: snapshot.publishedAt };
}

/** Most merges followed from an old link: more would mean a loop in bad data. */
const MAX_HOPS = 20;

/**
 * Where an SMS link to `id` leads: the hotspot if the snapshot shows it, its successor if it
 * merged into one the snapshot shows, `pending` if it is live but newer than the snapshot,
 * else `ended`. Unknown ids are a {@link NotFoundError}.
 */
export async function hotspotLinkState(
  deps: SnapshotDeps,
  id: string,
  publishEveryS: number,
): Promise<HotspotLinkBody> {
  const snapshot = await latestPublicSnapshot(deps);
  const shown = new Set(snapshot.features.map((f) => f.properties.id));
  if (shown.has(id)) return { id, state: 'active' };
  let current = await deps.hotspots.get(id);
  if (!current) throw new NotFoundError('hotspot');
  for (let hop = 0; hop < MAX_HOPS && current.status === 'retired' && current.mergedInto; hop++) {
    if (shown.has(current.mergedInto)) return { id, state: 'merged', currentId: current.mergedInto };
    const next = await deps.hotspots.get(current.mergedInto);
    if (!next) break;
    current = next;
  }
  if (isPublicHotspot(current)) {
    const next = new Date(Date.parse(snapshot.publishedAt) + publishEveryS * 1000).toISOString();
    return { id, state: 'pending', ...(current.id !== id ? { currentId: current.id } : {}), nextPublicationAt: next };
  }
  return { id, state: 'ended' };
}
