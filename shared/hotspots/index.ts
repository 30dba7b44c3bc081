/**
 * The hotspot engine's public API. The stream handler calls {@link updateAround} after tips
 * change, the scheduled job calls {@link recomputeHotspots}, the tips repository stores
 * {@link tipCell} on each tip, and public routes filter with {@link isPublicHotspot}.
 */
import type { Hotspot } from '../types.js';
import { MIN_PUBLIC_TIPS } from './options.js';

export { CELL_PRECISION, tipCell, cellsInBox } from './tip-cells.js';
export { dbscan, dbscanTurf, KIND_CORE, KIND_EDGE, KIND_NOISE, KIND_LABELS } from './dbscan.js';
export type { DbscanLabels, DbscanOptions, DbscanPoints, LengthUnit } from './dbscan.js';
export {
  recomputeHotspots,
  recomputeColumns,
  hotspotId,
  MAX_CLUSTER_LAT,
  type HotspotChanges,
  type HotspotEvent,
} from './engine.js';
export {
  updateAround,
  DEFAULT_WORK_LIMITS,
  type HotspotSource,
  type LoadCells,
  type WorkLimits,
} from './update-around.js';
export { readWindow } from './read-window.js';
export type { TipColumns } from './tip-columns.js';
export { boxOfHotspot, boxesMeet, type Box } from './box.js';
export { splitNeighbourhoods } from './neighbourhoods.js';
export {
  DEFAULT_HOTSPOT_OPTIONS,
  MIN_PUBLIC_TIPS,
  resolveOptions,
  riskLevelOf,
  type HotspotOptions,
} from './options.js';
export { clusterTips, type TipCluster } from './cluster-tips.js';
export { bufferedHull } from './geometry.js';
export { GI_CONFIDENCE, HEX_REF_LAT } from './gi-star.js';
export { TRENDS, type Trend } from './trend.js';
export { HotspotInputError, StaleHotspotsError, WorkLimitError } from './errors.js';

/** Privacy rule: a hotspot is public only while active and backed by at least 3 tips. */
export function isPublicHotspot(h: Pick<Hotspot, 'status' | 'tipCount'>): boolean {
  return h.status === 'active' && h.tipCount >= MIN_PUBLIC_TIPS;
}
