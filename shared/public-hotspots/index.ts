/**
 * The public hotspot snapshot: the privacy rule for everything the public and patrols see about
 * hotspots (which show, day-rounded times, folded categories, shapes on the H3 grid), and the
 * zone check answered from it. Pure: no I/O, no clock (the caller passes `publishedAt`).
 */
export { buildPublicSnapshot, type PublicSnapshotOptions } from './build-public-snapshot.js';
export { checkZone, type ZoneCheck } from './check-zone.js';
export { isPublicHotspot, MIN_PUBLIC_TIPS } from './is-public-hotspot.js';
export { bangkokDayStart } from './bangkok-day-start.js';
export { foldCategories, MIN_CATEGORY_TIPS } from './fold-categories.js';
export {
  DEFAULT_GRID_RESOLUTION,
  PUBLIC_DECIMALS,
  gridCells,
  gridEdgeKm,
  gridOutline,
  outlineOfCells,
} from './grid-outline.js';
