/**
 * The hotspot engine's public API. The stream handler calls {@link updateAround} after tips
 * change, the scheduled job calls {@link recomputeHotspots}, the tips repository stores
 * {@link tipCell} on each tip, and public routes filter with {@link isPublicHotspot}.
 */
import type { Hotspot } from '../types.js';
import { MIN_PUBLIC_TIPS } from './options.js';

export { CELL_PRECISION, tipCell } from './tip-cells.js';
export { recomputeHotspots, recomputeColumns, MAX_CLUSTER_LAT, type HotspotChanges } from './engine.js';
export {
  updateAround,
  DEFAULT_WORK_LIMITS,
  type HotspotSource,
  type LoadCells,
  type WorkLimits,
} from './update-around.js';
export { readWindow } from './read-window.js';
export { boxOfHotspot, boxesMeet, type Box } from './box.js';
export { splitNeighbourhoods } from './neighbourhoods.js';
export { DEFAULT_HOTSPOT_OPTIONS } from './options.js';
export { WorkLimitError } from './errors.js';

/** Privacy rule: a hotspot is public only while active and backed by at least 3 tips. */
export function isPublicHotspot(h: Pick<Hotspot, 'status' | 'tipCount'>): boolean {
  return h.status === 'active' && h.tipCount >= MIN_PUBLIC_TIPS;
}
