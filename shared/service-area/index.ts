/**
 * The service area (issue 8, "Hold at the edges"): land, buffer (sea, neighbouring country)
 * or outside, for tips, hotspots and volunteers' home points. Pure: runs in Lambda, the
 * browser and tests alike.
 */
export { DEFAULT_BUFFER_KM, type AreaClass, type ServiceArea } from './service-area.js';
export { areaFromGazetteer, defaultServiceArea } from './area-from-gazetteer.js';
export { areaFromGeoJson } from './area-from-geojson.js';
export { classifyExact } from './classify-exact.js';
