/**
 * A service area from a custom GeoJSON FeatureCollection of Polygons and MultiPolygons (for
 * example only the four southern provinces, or a coordinator's own district outline). The
 * rings are simplified and quantised as the gazetteer's provinces are (0.002 deg, 1e-4 deg),
 * so the same land slack covers the simplification.
 */
import { PROVINCE_TOLERANCE_DEG } from '../geocoder/gazetteer-index.js';
import { BOUNDARY_SLACK_KM, compactShape, expandShape, type ProvinceShape } from '../geocoder/province-shapes.js';
import { buildAreaGrid } from './area-grid.js';
import { ServiceAreaError } from './errors.js';
import { DEFAULT_BUFFER_KM, checkBufferKm, createServiceArea, type ServiceArea } from './service-area.js';

/** Options of {@link areaFromGeoJson}. */
export interface GeoJsonAreaOptions {
  /** Buffer around the polygons, km, in [0, 100]; default {@link DEFAULT_BUFFER_KM}. */
  bufferKm?: number;
}

type Ring = number[][];

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function checkRing(ring: unknown, where: string): Ring {
  if (!Array.isArray(ring) || ring.length < 4) {
    throw new ServiceAreaError(`${where}: a ring needs at least 4 [lon, lat] positions (first repeated last)`);
  }
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new ServiceAreaError(`${where}: every position must be [lon, lat] in degrees, got ${JSON.stringify(p)}`);
    }
    if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
      throw new ServiceAreaError(
        `${where}: position ${JSON.stringify(p)} is off the globe: GeoJSON positions are [lon, lat] (longitude first), in degrees`,
      );
    }
  }
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new ServiceAreaError(`${where}: the ring is not closed: repeat its first position at the end`);
  }
  return ring as Ring;
}

function polygonsOf(feature: Record<string, unknown>, where: string): Ring[][] {
  const geometry = feature.geometry;
  if (!isObject(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    throw new ServiceAreaError(
      `${where}: geometry must be a Polygon or MultiPolygon, got ${isObject(geometry) ? String(geometry.type) : String(geometry)}`,
    );
  }
  const coords = geometry.coordinates;
  if (!Array.isArray(coords) || coords.length === 0) {
    throw new ServiceAreaError(
      `${where}: coordinates must be a non-empty array of ${geometry.type === 'Polygon' ? 'rings' : 'polygons (arrays of rings)'}`,
    );
  }
  const polys: unknown[] = geometry.type === 'Polygon' ? [coords] : coords;
  return polys.map((poly, p) => {
    if (!Array.isArray(poly) || poly.length === 0) {
      throw new ServiceAreaError(`${where}, polygon ${p}: a polygon is an array of rings (outer ring first)`);
    }
    return poly.map((ring, r) => checkRing(ring, `${where}, polygon ${p}, ring ${r}`));
  });
}

function codeOf(feature: Record<string, unknown>, index: number): string {
  const props = isObject(feature.properties) ? feature.properties : {};
  const code = props.pro_code ?? props.code ?? feature.id;
  if (typeof code === 'number') return String(code).padStart(2, '0');
  return typeof code === 'string' && code ? code : `#${index}`;
}

/**
 * A service area whose land is the union of the collection's polygons.
 * @example areaFromGeoJson(JSON.parse(southGeoJson), { bufferKm: 30 })
 * @throws ServiceAreaError for anything but a non-empty FeatureCollection of valid
 *   (Multi)Polygons with closed rings in [lon, lat] degrees, or a buffer out of [0, 100] km.
 */
export function areaFromGeoJson(collection: unknown, options: GeoJsonAreaOptions = {}): ServiceArea {
  if (options === null || typeof options !== 'object') {
    throw new ServiceAreaError('areaFromGeoJson options must be an object such as { bufferKm: 30 }, or left out');
  }
  const bufferKm = checkBufferKm(options.bufferKm ?? DEFAULT_BUFFER_KM);
  if (!isObject(collection) || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new ServiceAreaError(
      'the service area must be a GeoJSON FeatureCollection ({ type: "FeatureCollection", features: [...] }): ' +
        'wrap a single geometry in a Feature and the Feature in a collection',
    );
  }
  if (collection.features.length === 0) {
    throw new ServiceAreaError('the service area FeatureCollection has no features: give at least one Polygon');
  }
  const shapes: ProvinceShape[] = collection.features.map((f, i) => {
    if (!isObject(f))
      throw new ServiceAreaError(
        `feature ${i} is not an object: each feature is { type: "Feature", geometry, properties }`,
      );
    const code = codeOf(f, i);
    const shape = expandShape(compactShape(code, polygonsOf(f, `feature ${i} (${code})`), PROVINCE_TOLERANCE_DEG));
    if (shape.rings.length === 0) {
      throw new ServiceAreaError(
        `feature ${i} (${code}) has no ring left after simplification: give a polygon wider than ~0.01 degrees`,
      );
    }
    return shape;
  });
  const grid = buildAreaGrid(shapes, { reachKm: bufferKm + 1, slackKm: BOUNDARY_SLACK_KM });
  return createServiceArea(
    { codes: shapes.map((s) => s.code), bbox: (i) => shapes[i].bbox, shape: (i) => shapes[i] },
    grid,
    bufferKm,
  );
}
