import { z } from 'zod';
import { coordinatorHotspots } from '../../../shared/core/coordinator-hotspots.js';
import { hotspotLinkState, latestPublicSnapshot, zoneCheckOf } from '../../../shared/core/public-snapshot.js';
import { notFound } from '../errors.js';
import { json, validate } from '../http.js';
import { noQuery, pointQuery } from '../query-schemas.js';
import type { RouteHandler } from '../router.js';

/** Public snapshots change hourly: a minute of caching at the edge costs nothing and absorbs floods. */
const PUBLIC_CACHE = { 'cache-control': 'public, max-age=60' };

/** GET /api/hotspots: the published public snapshot. */
export const listHotspots: RouteHandler = async ({ query }, ctx) => {
  validate(noQuery, query);
  return json(200, await latestPublicSnapshot(ctx), PUBLIC_CACHE);
};

/** A hotspot id as the path of `GET /api/hotspots/{id}` may hold it. */
export const hotspotId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** GET /api/hotspots/{id}: where an SMS link leads now (the hotspot, its successor, pending, or ended). */
export const hotspotLink: RouteHandler = async ({ params, query }, ctx) => {
  validate(noQuery, query);
  const id = hotspotId.safeParse(params.id);
  if (!id.success) throw notFound('no hotspot with this id');
  return json(200, await hotspotLinkState(ctx, id.data, ctx.config.publicSnapshotEveryS), PUBLIC_CACHE);
};

/** GET /api/zones/check?lat=&lon=: inside a risk zone of the snapshot? How far is the nearest? */
export const checkZone: RouteHandler = async ({ query }, ctx) => {
  const point = validate(pointQuery, query);
  return json(200, zoneCheckOf(await latestPublicSnapshot(ctx), ctx.gazetteer(), point, ctx.serviceArea()));
};

/** GET /api/coordinator/hotspots (coordinator): live hotspots at full precision. */
export const listCoordinatorHotspots: RouteHandler = async ({ query }, ctx) => {
  validate(noQuery, query);
  return json(200, coordinatorHotspots(await ctx.hotspots.listActive({ members: false })));
};
