import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { z } from 'zod';
import { reverseGeocode } from '../../../shared/geocoder/index.js';
import { isPublicHotspot } from '../../../shared/hotspots/index.js';
import type { Hotspot } from '../../../shared/types.js';
import type { AppContext } from '../../lib/context.js';
import { loadGazetteer } from '../../lib/gazetteer.js';
import { json, query, validate, type ApiEvent, type ApiResult } from '../http.js';

/**
 * Public polygons are rounded to 3 decimals (about 110 m): a buffered hull's vertices
 * sit at a fixed offset from real tip positions, and the public must not recover them.
 */
const PUBLIC_DECIMALS = 3;

/** Rounds a ring's vertices and drops the repeats rounding makes (the closing vertex stays). */
export function roundRing(ring: Position[]): Position[] {
  const f = 10 ** PUBLIC_DECIMALS;
  const out: Position[] = [];
  for (const [lon, lat] of ring) {
    const p = [Math.round(lon * f) / f, Math.round(lat * f) / f];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out;
}

function publicGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(roundRing) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(roundRing)) };
}

/** A hotspot as the public sees it: aggregate figures only, no tip ids, no exact points. */
export function toPublicFeature(h: Hotspot): Feature<Polygon | MultiPolygon> {
  const pick = (k: string) => (h[k] === undefined ? {} : { [k]: h[k] });
  return {
    type: 'Feature',
    id: h.id,
    geometry: publicGeometry(h.geometry),
    properties: {
      id: h.id,
      riskLevel: h.riskLevel,
      riskScore: h.riskScore,
      tipCount: h.tipCount,
      firstSeen: h.firstSeen,
      lastSeen: h.lastSeen,
      admin: h.admin,
      categories: h.categories,
      ...pick('trend'),
      ...pick('giZ'),
      ...pick('giConfidence'),
    },
  };
}

async function publicHotspots(ctx: AppContext): Promise<Hotspot[]> {
  return (await ctx.hotspots.listActive()).filter(isPublicHotspot);
}

/** GET /api/hotspots: the public FeatureCollection. */
export async function listHotspots(_event: ApiEvent, ctx: AppContext): Promise<ApiResult> {
  const body: FeatureCollection = {
    type: 'FeatureCollection',
    features: (await publicHotspots(ctx)).map(toPublicFeature),
  };
  return json(200, body);
}

const pointQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
});

/** GET /api/zones/check?lat=&lon=: is this point inside a public risk zone, how far is the nearest? */
export async function checkZone(event: ApiEvent, ctx: AppContext): Promise<ApiResult> {
  const q = query(event);
  const { lat, lon } = validate(pointQuery, { lat: q.lat ?? undefined, lon: q.lon ?? undefined });
  const point: Position = [lon, lat];
  let inside: Hotspot | undefined;
  let nearestKm: number | null = null;
  for (const h of await publicHotspots(ctx)) {
    const feature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: h.geometry };
    const within = booleanPointInPolygon(point, feature);
    const km = within ? 0 : Math.max(0, pointToPolygonDistance(point, feature, { units: 'kilometers' }));
    if (within && (!inside || rank(h) > rank(inside))) inside = h;
    if (nearestKm === null || km < nearestKm) nearestKm = km;
  }
  const place = reverseGeocode(loadGazetteer(), { lat, lon });
  return json(200, {
    inRiskZone: Boolean(inside),
    riskLevel: inside?.riskLevel ?? null,
    ...(inside ? { hotspotId: inside.id } : {}),
    nearestHotspotKm: nearestKm === null ? null : Math.round(nearestKm * 100) / 100,
    admin: place.admin ?? null,
  });
}

const RANK = { low: 0, medium: 1, high: 2, critical: 3 } as const;
const rank = (h: Hotspot) => RANK[h.riskLevel];
