/**
 * The service area (issue 8, "Hold at the edges"): land, buffer (sea, neighbouring country)
 * or outside, for tips, hotspots and volunteers' home points. Pure: runs in Lambda, the
 * browser and tests alike.
 */
export {
  DEFAULT_BUFFER_KM,
  MAX_BUFFER_KM,
  checkBufferKm,
  createServiceArea,
  type AreaClass,
  type AreaShapes,
  type ServiceArea,
} from './service-area.js';
export { areaFromGazetteer, defaultServiceArea, type GazetteerAreaOptions } from './area-from-gazetteer.js';
export { areaFromGeoJson, type GeoJsonAreaOptions } from './area-from-geojson.js';
export { classifyExact } from './classify-exact.js';
export {
  buildAreaGrid,
  decodeAreaGrid,
  encodeAreaGrid,
  type AreaGrid,
  type AreaGridOptions,
  type SerializedAreaGrid,
} from './area-grid.js';
export { ServiceAreaError } from './errors.js';
