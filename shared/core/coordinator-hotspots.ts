/** Live hotspots as coordinators see them: full precision, Gi*, trend and history; no member ids. */
import type { CoordinatorHotspotCollection, CoordinatorHotspotProperties } from '../api/wire.js';
import { isPublicHotspot } from '../public-hotspots/index.js';
import type { HotspotSummary } from '../types.js';

function properties(h: HotspotSummary): CoordinatorHotspotProperties {
  return {
    id: h.id,
    riskLevel: h.riskLevel,
    riskScore: h.riskScore,
    tipCount: h.tipCount,
    reporterCount: h.reporterCount ?? h.tipCount,
    urgentTipCount: h.urgentTipCount ?? 0,
    firstSeen: h.firstSeen,
    lastSeen: h.lastSeen,
    centroid: h.centroid,
    admin: h.admin,
    categories: h.categories,
    trend: h.trend ?? 'new',
    giZ: h.giZ ?? 0,
    giConfidence: h.giConfidence ?? 0,
    history: h.history ?? [],
    ...(h.mergedFrom?.length ? { mergedFrom: h.mergedFrom } : {}),
    ...(h.splitFrom ? { splitFrom: h.splitFrom } : {}),
    public: isPublicHotspot(h),
  };
}

/** The coordinator's FeatureCollection of the active hotspots. */
export function coordinatorHotspots(hotspots: readonly HotspotSummary[]): CoordinatorHotspotCollection {
  return {
    type: 'FeatureCollection',
    features: hotspots.map((h) => ({ type: 'Feature', id: h.id, geometry: h.geometry, properties: properties(h) })),
  };
}
