/**
 * The published public snapshot: the one place where the privacy rule for public hotspots is
 * applied. Which hotspots show (active, 3+ tips), how their times are rounded (start of the
 * Asia/Bangkok day), how categories fold (under 3 tips → `other`) and how shapes are drawn (the
 * H3 grid) are all decided here, so the API, the patrol check and the web app cannot disagree.
 *
 * Nothing continuous that moves with one tip leaves: no risk score, no Gi* z-score, no
 * centroid, no member ids, no exact times, no history.
 */
import type {
  PlaceAdmin,
  PublicHotspotCollection,
  PublicHotspotFeature,
  PublicHotspotProperties,
} from '../api/wire.js';
import { GI_CONFIDENCE } from '../hotspots/gi-star.js';
import { TRENDS, type Trend } from '../hotspots/trend.js';
import type { HotspotSummary } from '../types.js';
import { bangkokDayStart } from './bangkok-day-start.js';
import { foldCategories, MIN_CATEGORY_TIPS } from './fold-categories.js';
import { bboxOf } from './bbox-of.js';
import { DEFAULT_GRID_RESOLUTION, gridEdgeKm, gridOutline } from './grid-outline.js';
import { isPublicHotspot, MIN_PUBLIC_TIPS } from './is-public-hotspot.js';

/** Options of {@link buildPublicSnapshot}. Each may only make the snapshot coarser, never finer. */
export interface PublicSnapshotOptions {
  /** When this snapshot is published, ISO 8601 (the caller's clock); output as UTC `…Z`. */
  publishedAt: string;
  /** H3 resolution of the grid, an integer from 0 (coarsest) to {@link DEFAULT_GRID_RESOLUTION} (the default). */
  gridResolution?: number;
  /** Fewest tips of a public hotspot; at least {@link MIN_PUBLIC_TIPS} (the default). */
  minTips?: number;
  /** Fewest tips of a category shown by name; at least {@link MIN_CATEGORY_TIPS} (the default). */
  minCategoryTips?: number;
}

/** `sea.nearestKm` is shown in whole km: finer, its change between snapshots traces the centroid. */
const SEA_KM_STEP = 1;

/**
 * Builds the public snapshot of `hotspots` (any stored hotspots; retired and small ones are left
 * out). Features are sorted by id, so their order says nothing about which hotspot changed last.
 * Throws a RangeError on a bad `publishedAt` or an option that would make the output finer.
 */
export function buildPublicSnapshot(
  hotspots: readonly HotspotSummary[],
  options: PublicSnapshotOptions,
): PublicHotspotCollection {
  const resolution = options.gridResolution ?? DEFAULT_GRID_RESOLUTION;
  if (!Number.isInteger(resolution) || resolution < 0 || resolution > DEFAULT_GRID_RESOLUTION) {
    throw new RangeError(`gridResolution must be an integer from 0 to ${DEFAULT_GRID_RESOLUTION}, got ${resolution}`);
  }
  const minTips = atLeast('minTips', options.minTips, MIN_PUBLIC_TIPS);
  const minCategoryTips = atLeast('minCategoryTips', options.minCategoryTips, MIN_CATEGORY_TIPS);
  const publishedMs = Date.parse(options.publishedAt);
  if (Number.isNaN(publishedMs))
    throw new RangeError(`publishedAt must be an ISO 8601 time, got ${options.publishedAt}`);
  const features: PublicHotspotFeature[] = [];
  for (const h of hotspots) {
    if (!isPublicHotspot(h, minTips)) continue;
    const feature = publicFeature(h, resolution, minCategoryTips);
    if (feature) features.push(feature);
  }
  features.sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0));
  return {
    type: 'FeatureCollection',
    publishedAt: new Date(publishedMs).toISOString(),
    gridKm: gridEdgeKm(resolution),
    features,
  };
}

function atLeast(name: string, value: number | undefined, floor: number): number {
  if (value === undefined) return floor;
  if (!Number.isFinite(value) || value < floor)
    throw new RangeError(`${name} must be a number >= ${floor}, got ${value}`);
  return value;
}

/** The public feature of one hotspot; `undefined` if it has no usable geometry or times. */
function publicFeature(
  h: HotspotSummary,
  resolution: number,
  minCategoryTips: number,
): PublicHotspotFeature | undefined {
  const geometry = gridOutline(h.geometry, resolution, h.centroid);
  if (!geometry || Number.isNaN(Date.parse(h.firstSeen)) || Number.isNaN(Date.parse(h.lastSeen))) return undefined;
  const properties: PublicHotspotProperties = {
    id: h.id,
    riskLevel: h.riskLevel,
    tipCount: h.tipCount,
    firstSeen: bangkokDayStart(h.firstSeen),
    lastSeen: bangkokDayStart(h.lastSeen),
    admin: publicAdmin(h.admin as PlaceAdmin),
    categories: foldCategories(h.categories ?? {}, minCategoryTips),
  };
  if (TRENDS.includes(h.trend as Trend)) properties.trend = h.trend as Trend;
  const confidence = confidenceClass(h.giConfidence);
  if (confidence !== undefined) properties.giConfidence = confidence;
  return {
    type: 'Feature',
    id: h.id,
    // The box of the public shape (lattice vertices, so no finer than it): lets checkZone skip it fast.
    bbox: bboxOf(geometry),
    geometry,
    properties,
  };
}

/**
 * The stored place names and codes, copied (never shared with the stored object). A sea note's
 * distance is rounded to whole km: it is measured from the hotspot centroid, which moves with
 * every tip, so to the metre it would trace the newest tip between two snapshots.
 */
function publicAdmin(admin: PlaceAdmin | undefined): PlaceAdmin {
  const { sea, ...names } = admin ?? {};
  const out: PlaceAdmin = { ...names };
  if (sea && Number.isFinite(sea.nearestKm)) {
    out.sea = { nearestKm: Math.max(SEA_KM_STEP, Math.round(sea.nearestKm / SEA_KM_STEP) * SEA_KM_STEP) };
  }
  return out;
}

/** Gi* confidence as one of its classes (99, 95, 90) or 0; anything else is left out. */
function confidenceClass(raw: unknown): number | undefined {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
  return GI_CONFIDENCE.find((c) => raw >= c.level)?.level ?? 0;
}
