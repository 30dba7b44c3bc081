/**
 * The public hotspot snapshot: the privacy rule for everything the public and patrols see about
 * hotspots (which show, day-rounded times, folded categories, shapes on the H3 grid), and the
 * zone check answered from it. Pure: no I/O, no clock (the caller passes `publishedAt`).
 */
export { buildPublicSnapshot } from './build-public-snapshot.js';
export { checkZone } from './check-zone.js';
export { isPublicHotspot } from './is-public-hotspot.js';
