/**
 * Thai geocoder: forward (free text -> place) and reverse (point -> place) on a gazetteer
 * built from `GEODATA_DIR` by `functions/cli/build-gazetteer.ts`. Pure: runs in Lambda, the
 * browser and tests alike. Load an index with `createGazetteer(JSON.parse(text))`.
 */
export { createGazetteer, type Gazetteer } from './gazetteer.js';
export { geocode } from './geocode.js';
export { reverseGeocode, provinceOf } from './reverse-geocode.js';
export { buildGazetteerIndex, type GazetteerIndex } from './gazetteer-index.js';
export { PLACE_ALIASES } from './aliases.js';
export { parseLatLon } from './parse-lat-lon.js';
