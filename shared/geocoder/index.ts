/**
 * Thai geocoder: forward (free text -> place) and reverse (point -> place) on a gazetteer
 * built from `GEODATA_DIR` by `functions/cli/build-gazetteer.ts`. Pure: runs in Lambda, the
 * browser and tests alike. Load an index with `createGazetteer(JSON.parse(text))`.
 */
export { createGazetteer, adminOf, type Gazetteer, type Place, type Level } from './gazetteer.js';
export { geocode } from './geocode.js';
export { reverseGeocode, provinceOf, BOUNDARY_SLACK_KM } from './reverse-geocode.js';
export { nearestTambon } from './nearest-tambon.js';
export {
  buildGazetteerIndex,
  GAZETTEER_INDEX_VERSION,
  type GazetteerIndex,
  type ProvinceFeatureCollection,
} from './gazetteer-index.js';
export { cleanSubdistricts, type CleanTambon, type CleanReport } from './clean-subdistricts.js';
export { PLACE_ALIASES, type PlaceAlias } from './aliases.js';
export { parseLatLon } from './parse-lat-lon.js';
