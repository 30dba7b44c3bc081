/**
 * Service areas over the gazetteer's province shapes: all of Thailand by default (from the
 * grid the importer precomputed into the index, so construction costs well under 1 ms), or
 * a chosen list of provinces (grid built on first construction, tens of ms).
 */
import type { Gazetteer } from '../geocoder/gazetteer.js';
import { BOUNDARY_SLACK_KM, expandShape } from '../geocoder/province-shapes.js';
import { buildAreaGrid, decodeAreaGrid, type AreaGrid } from './area-grid.js';
import { ServiceAreaError } from './errors.js';
import {
  DEFAULT_BUFFER_KM,
  checkBufferKm,
  createServiceArea,
  type AreaShapes,
  type ServiceArea,
} from './service-area.js';

/** Options of {@link areaFromGazetteer}. */
export interface GazetteerAreaOptions {
  /** Buffer around land, km, in [0, 100]; default {@link DEFAULT_BUFFER_KM}. */
  bufferKm?: number;
  /**
   * Limit the area to these TIS-1099 province codes (two digits, e.g. `['90', '94', '95',
   * '96']` for the four southern border provinces); default all 77.
   */
  provinces?: readonly string[];
}

const nationalGrids = new WeakMap<Gazetteer, AreaGrid>();
const defaultAreas = new WeakMap<Gazetteer, ServiceArea>();

function shapesOf(g: Gazetteer, indices: readonly number[]): AreaShapes {
  return {
    codes: indices.map((i) => g.shapes[i].code),
    bbox: (k) => g.shapes[indices[k]].bbox,
    shape: (k) => (g.decodedShapes[indices[k]] ??= expandShape(g.shapes[indices[k]])),
  };
}

function pickProvinces(g: Gazetteer, provinces: unknown): number[] {
  if (!Array.isArray(provinces) || provinces.length === 0) {
    throw new ServiceAreaError(
      `provinces must be a non-empty array of two-digit TIS-1099 codes such as ['90', '94', '95', '96'], got ${JSON.stringify(provinces)}: ` +
        'leave it out for all of Thailand',
    );
  }
  const byCode = new Map(g.shapes.map((s, i) => [s.code, i]));
  const unknown = provinces.filter((c) => typeof c !== 'string' || !byCode.has(c));
  if (unknown.length) {
    throw new ServiceAreaError(
      `unknown province codes ${unknown.map((c) => JSON.stringify(c)).join(', ')}: use two-digit TIS-1099 codes from the gazetteer, ` +
        `as strings ('96' Narathiwat, '94' Pattani, '95' Yala, '90' Songkhla, '38' Bueng Kan)`,
    );
  }
  return [...new Set(provinces.map((c: string) => byCode.get(c)!))].sort((a, b) => a - b);
}

/** The importer's national grid, decoded once per gazetteer. */
function nationalGrid(g: Gazetteer): AreaGrid {
  let grid = nationalGrids.get(g);
  if (!grid) {
    grid = decodeAreaGrid(g.areaGrid);
    if (grid.slackKm !== BOUNDARY_SLACK_KM) {
      throw new ServiceAreaError(
        `the index's service-area grid uses a ${grid.slackKm} km slack, the geocoder ${BOUNDARY_SLACK_KM} km: rebuild it with "npm run gazetteer"`,
      );
    }
    nationalGrids.set(g, grid);
  }
  return grid;
}

/**
 * A service area over the gazetteer's provinces: land is what `reverseGeocode` puts in a
 * province (inside, or within `BOUNDARY_SLACK_KM` of a boundary).
 * @example areaFromGazetteer(g, { bufferKm: 30, provinces: ['90', '94', '95', '96'] })
 * @throws ServiceAreaError for a buffer out of [0, 100] km or an unknown province code.
 */
export function areaFromGazetteer(g: Gazetteer, options: GazetteerAreaOptions = {}): ServiceArea {
  if (options === null || typeof options !== 'object') {
    throw new ServiceAreaError('areaFromGazetteer options must be an object such as { bufferKm: 30 }, or left out');
  }
  const bufferKm = checkBufferKm(options.bufferKm ?? DEFAULT_BUFFER_KM);
  const indices = options.provinces === undefined ? g.shapes.map((_, i) => i) : pickProvinces(g, options.provinces);
  const shapes = shapesOf(g, indices);
  if (indices.length === g.shapes.length) {
    const grid = nationalGrid(g);
    if (bufferKm < grid.reachKm) return createServiceArea(shapes, grid, bufferKm);
  }
  const decoded = indices.map((_, k) => shapes.shape(k));
  return createServiceArea(
    shapes,
    buildAreaGrid(decoded, { reachKm: bufferKm + 1, slackKm: BOUNDARY_SLACK_KM }),
    bufferKm,
  );
}

/** All of Thailand with the default buffer, built once per gazetteer (what `reverseGeocode` uses by default). */
export function defaultServiceArea(g: Gazetteer): ServiceArea {
  let area = defaultAreas.get(g);
  if (!area) {
    area = areaFromGazetteer(g);
    defaultAreas.set(g, area);
  }
  return area;
}
