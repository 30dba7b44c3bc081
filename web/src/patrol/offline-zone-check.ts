/**
 * The patrol check without a network: the same question the API answers
 * (`GET /api/zones/check`), worked out from the last public snapshot the service worker kept
 * and the basemap's tambon centroids. Inside means inside a polygon (the riskiest if several);
 * the distance is to the nearest polygon edge, 0 inside, as the API computes it.
 */
import type { Position } from 'geojson';
import type { PublicHotspotCollection, ZoneCheckBody } from '../../../shared/api/wire.js';
import { compareRisk } from '../../../shared/risk-level.js';
import type { AdminArea, LatLon } from '../../../shared/types.js';
import type { BasemapPlaces } from '../../basemap-places.js';

const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Whether `[x, y]` lies inside the ring (even-odd rule). */
function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Polygons of a feature as `[outer, ...holes]` lists. */
function polygonsOf(g: PublicHotspotCollection['features'][number]['geometry']): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Distance in km from `p` to the nearest edge, on a local flat projection (fine below ~100 km). */
function edgeKm(p: LatLon, rings: Position[][]): number {
  const kx = Math.cos(p.lat * RAD) * RAD * EARTH_KM;
  const ky = RAD * EARTH_KM;
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1][0] - p.lon) * kx;
      const ay = (ring[i - 1][1] - p.lat) * ky;
      const bx = (ring[i][0] - p.lon) * kx;
      const by = (ring[i][1] - p.lat) * ky;
      const dx = bx - ax;
      const dy = by - ay;
      const len = dx * dx + dy * dy;
      const s = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
      best = Math.min(best, Math.hypot(ax + s * dx, ay + s * dy));
    }
  }
  return best;
}

/** The tambon whose centroid is nearest, as the reverse geocoder's fallback does. */
export function nearestTambon(p: LatLon, places: BasemapPlaces | null): AdminArea | null {
  if (!places?.tambons.length) return null;
  let best = places.tambons[0];
  let bestD = Infinity;
  const k = Math.cos(p.lat * RAD) ** 2;
  for (const row of places.tambons) {
    const d = (row[3] - p.lat) ** 2 + k * (row[4] - p.lon) ** 2;
    if (d < bestD) [best, bestD] = [row, d];
  }
  const amphoe = places.amphoes.find((a) => a[0] === best[5]);
  const province = places.provinces.find((x) => x[0] === best[0].slice(0, 2));
  return {
    tambonCode: best[0],
    tambon: best[1],
    ...(amphoe ? { amphoeCode: amphoe[0], amphoe: amphoe[1] } : {}),
    ...(province ? { provinceCode: province[0], province: province[1] } : {}),
  };
}

/** The zone check answered from a snapshot; `snapshotAt` is when that snapshot was published. */
export function offlineZoneCheck(
  p: LatLon,
  snapshot: PublicHotspotCollection,
  places: BasemapPlaces | null,
): ZoneCheckBody {
  let inside: PublicHotspotCollection['features'][number] | undefined;
  let nearest: number | null = null;
  for (const f of snapshot.features) {
    let within = false;
    let km = Infinity;
    for (const [outer, ...holes] of polygonsOf(f.geometry)) {
      if (inRing(p.lon, p.lat, outer) && !holes.some((h) => inRing(p.lon, p.lat, h))) within = true;
      km = Math.min(km, edgeKm(p, [outer, ...holes]));
    }
    if (within) km = 0;
    if (within && (!inside || compareRisk(f.properties.riskLevel, inside.properties.riskLevel) > 0)) inside = f;
    if (nearest === null || km < nearest) nearest = km;
  }
  return {
    inRiskZone: Boolean(inside),
    riskLevel: inside?.properties.riskLevel ?? null,
    ...(inside ? { hotspotId: inside.properties.id } : {}),
    nearestHotspotKm: nearest === null ? null : Math.round(nearest * 100) / 100,
    admin: nearestTambon(p, places),
    snapshotAt: snapshot.publishedAt,
  };
}
