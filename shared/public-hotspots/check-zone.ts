/**
 * The patrol question, "is this spot inside a risk zone, and how far is the nearest one?",
 * answered from the published snapshot only, so a patrol learns nothing the public map does not
 * show and the answer is the same online (API) and offline (the web app's last snapshot).
 *
 * Speed: each feature's box (GeoJSON `bbox`, written by buildPublicSnapshot) is checked first;
 * only boxes holding the point get the exact point-in-polygon test, and exact distances are
 * computed nearest box first, stopping once no box can be nearer than the best distance found.
 */
import type { BBox, Position } from 'geojson';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { PublicHotspotCollection, PublicHotspotFeature } from '../api/wire.js';
import { compareRisk } from '../risk-level.js';
import { bboxOf } from './bbox-of.js';
import type { LatLon, RiskLevel } from '../types.js';

/** The answer of {@link checkZone} (the route adds `admin` and `snapshotAt`). */
export interface ZoneCheck {
  /** Whether the point lies inside (or on the edge of) a public hotspot. */
  inRiskZone: boolean;
  /** Risk level of the riskiest hotspot holding the point, or null. */
  riskLevel: RiskLevel | null;
  /** Id of that hotspot; absent outside every zone. */
  hotspotId?: string;
  /** Km to the nearest public hotspot's edge (0 inside), to 0.01; null when the snapshot is empty. */
  nearestHotspotKm: number | null;
}

/** Turf's mean Earth radius, km, so the lower bound below is in the same units as turf's distances. */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/**
 * Slack on the box lower bound, km: turf measures to great-circle segments, which can bow a few
 * micrometres out of their box; 10 m keeps the pruning exact at the 0.01 km the answer shows.
 */
const BOUND_SLACK_KM = 0.01;

/**
 * Checks `point` against the snapshot's hotspots. When several hold it the riskiest wins (ties:
 * the smaller id). Throws a RangeError for a point that is not a WGS84 position.
 */
export function checkZone(snapshot: PublicHotspotCollection, point: LatLon): ZoneCheck {
  const { lat, lon } = point;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new RangeError(`not a WGS84 point: ${lat}, ${lon}`);
  }
  const p: Position = [lon, lat];
  const features = snapshot.features;
  const boxes = features.map((f) => f.bbox ?? bboxOf(f.geometry));
  let inside: PublicHotspotFeature | undefined;
  for (let i = 0; i < features.length; i++) {
    if (!boxHolds(boxes[i], lat, lon) || !booleanPointInPolygon(p, features[i].geometry)) continue;
    if (!inside || riskier(features[i], inside)) inside = features[i];
  }
  if (inside) {
    return {
      inRiskZone: true,
      riskLevel: inside.properties.riskLevel,
      hotspotId: inside.properties.id,
      nearestHotspotKm: 0,
    };
  }
  const order = features.map((_, i) => ({ i, bound: boxLowerBoundKm(boxes[i], lat, lon) }));
  order.sort((a, b) => a.bound - b.bound);
  let best = Infinity;
  for (const { i, bound } of order) {
    if (bound - BOUND_SLACK_KM > best) break;
    best = Math.min(best, Math.abs(pointToPolygonDistance(p, features[i].geometry, { units: 'kilometers' })));
  }
  return {
    inRiskZone: false,
    riskLevel: null,
    nearestHotspotKm: Number.isFinite(best) ? Math.round(best * 100) / 100 : null,
  };
}

function riskier(a: PublicHotspotFeature, b: PublicHotspotFeature): boolean {
  const byRisk = compareRisk(a.properties.riskLevel, b.properties.riskLevel);
  return byRisk > 0 || (byRisk === 0 && a.properties.id < b.properties.id);
}

function boxHolds(box: BBox, lat: number, lon: number): boolean {
  const [minLon, minLat, maxLon, maxLat] = corners(box);
  return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
}

/**
 * A lower bound of the great-circle distance from the point to anything in the box, km. From
 * the haversine formula, sin²(d/2) = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2), where each term is
 * at least its value at the box's nearest latitude and longitude gaps, and cos φ1 cos φ2 is at
 * least cos² of the largest |latitude| involved.
 */
export function boxLowerBoundKm(box: BBox, lat: number, lon: number): number {
  const [minLon, minLat, maxLon, maxLat] = corners(box);
  const dLat = lat < minLat ? minLat - lat : lat > maxLat ? lat - maxLat : 0;
  let dLon = 0;
  if (lon < minLon || lon > maxLon) {
    // Gap going east to the box's west side or west to its east side, whichever is shorter.
    const east = (((minLon - lon) % 360) + 360) % 360;
    const west = (((lon - maxLon) % 360) + 360) % 360;
    dLon = Math.min(east, west, 180);
  }
  const maxAbsLat = Math.max(Math.abs(lat), Math.abs(minLat), Math.abs(maxLat));
  const cos = Math.cos(Math.min(90, maxAbsLat) * RAD);
  const h = Math.sin((dLat * RAD) / 2) ** 2 + cos * cos * Math.sin((dLon * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function corners(box: BBox): [number, number, number, number] {
  // A 3-D box is [minLon, minLat, minAlt, maxLon, maxLat, maxAlt].
  return box.length === 6 ? [box[0], box[1], box[3], box[4]] : [box[0], box[1], box[2], box[3]];
}
