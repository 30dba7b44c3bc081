/**
 * Vite plugin: an offline basemap derived at build time from the gazetteer inputs in
 * GEODATA_DIR (read in place, never copied into the repository) and emitted under
 * `basemap/`: province boundaries, place labels (provinces, amphoes, tambons) and
 * approximate tambon areas. Served by the dev and preview servers too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { centerOfMass, simplify, truncate } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Connect, Plugin } from 'vite';
import { HOME_PROVINCES } from '../shared/geocoder/home-provinces.js';
import { buildPlaces, placedTambons } from './basemap-places.js';
import { buildTambonAreas, type ProvinceShape } from './basemap-tambon-areas.js';

/** Where the app fetches each basemap file from (relative to the site root). */
export const BASEMAP_FILES = {
  provinces: 'basemap/provinces.geojson',
  places: 'basemap/places.json',
  tambonAreas: 'basemap/tambon-areas.geojson',
} as const;

export interface BasemapOptions {
  /** Folder holding `th-provinces.geojson` and `th-subdistricts.csv`; default `<repoRoot>/../shared/geodata`. */
  geodataDir: string;
  /** Douglas-Peucker tolerance in degrees: 0.004° ≈ 440 m, invisible at province zoom. */
  toleranceDeg?: number;
  /** Tolerance outside the service area, seen only zoomed out: 0.02° ≈ 2 km. */
  outsideToleranceDeg?: number;
  /** Decimals kept per coordinate: 3 ≈ 110 m. */
  precision?: number;
}

type Provinces = FeatureCollection<Polygon | MultiPolygon>;

function readInput(opts: BasemapOptions, name: string): string {
  const file = resolve(opts.geodataDir, name);
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`basemap: cannot read ${file}; set GEODATA_DIR to the folder holding ${name}`, { cause });
  }
}

function slimProvinces(opts: BasemapOptions): Provinces {
  const source = JSON.parse(readInput(opts, 'th-provinces.geojson')) as Provinces;
  const slim: Provinces = {
    type: 'FeatureCollection',
    features: source.features.map((f) => ({
      type: 'Feature',
      properties: { code: String(f.properties?.pro_code), nameTh: f.properties?.pro_th, nameEn: f.properties?.pro_en },
      geometry: f.geometry,
    })),
  };
  // The map's worker parses this on every page load: coarse far away, fine where people look.
  for (const f of slim.features) {
    const served = HOME_PROVINCES.has(String(f.properties?.code));
    const tolerance = served ? (opts.toleranceDeg ?? 0.004) : (opts.outsideToleranceDeg ?? 0.02);
    simplify(f, { tolerance, highQuality: false, mutate: true });
  }
  return truncate(slim, { precision: opts.precision ?? 3, coordinates: 2, mutate: true });
}

/** Reads, simplifies and slims the province boundaries; keeps only code and names. */
export function buildBasemap(opts: BasemapOptions): string {
  return JSON.stringify(slimProvinces(opts));
}

/** Every basemap file by its path under the site root. */
export function buildBasemapFiles(opts: BasemapOptions): Record<string, string> {
  const provinces = slimProvinces(opts);
  const tambons = placedTambons(readInput(opts, 'th-subdistricts.csv'));
  const served = provinces.features.filter((f) => HOME_PROVINCES.has(String(f.properties?.code))) as ProvinceShape[];
  const places = buildPlaces(tambons, HOME_PROVINCES);
  // A province whose tambons lack coordinates (Bueng Kan) is labelled at its shape's centre.
  for (const f of provinces.features) {
    const code = String(f.properties?.code);
    if (places.provinces.some((p) => p[0] === code)) continue;
    const [lon, lat] = centerOfMass(f).geometry.coordinates;
    places.provinces.push([code, f.properties?.nameTh, f.properties?.nameEn, +lat.toFixed(4), +lon.toFixed(4)]);
  }
  return {
    [BASEMAP_FILES.provinces]: JSON.stringify(provinces),
    [BASEMAP_FILES.places]: JSON.stringify(places),
    [BASEMAP_FILES.tambonAreas]: JSON.stringify(
      buildTambonAreas(
        tambons.filter((t) => HOME_PROVINCES.has(t.provinceCode)),
        served,
      ),
    ),
  };
}

const CONTENT_TYPES: Record<string, string> = { '.geojson': 'application/geo+json', '.json': 'application/json' };

/** The plugin: emits the files on build and answers them in dev and preview. */
export function basemapPlugin(opts: BasemapOptions): Plugin {
  let cached: Record<string, string> | undefined;
  const files = () => (cached ??= buildBasemapFiles(opts));
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const path = (req.url ?? '').split('?')[0].replace(/^\//, '');
    const body = files()[path];
    if (body === undefined) return next();
    res.setHeader('content-type', CONTENT_TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/json');
    res.end(body);
  };
  return {
    name: 'phithak-basemap',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
    generateBundle() {
      for (const [fileName, source] of Object.entries(files())) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
