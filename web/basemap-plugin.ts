/**
 * Vite plugin: an offline basemap of province boundaries, derived at build time from the
 * gazetteer input `th-provinces.geojson` (read in place from GEODATA_DIR, never copied into the
 * repository) and emitted as `basemap/provinces.geojson` in the build; served in dev too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { simplify, truncate } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Plugin } from 'vite';

/** Where the app fetches the basemap from (relative to the page). */
export const BASEMAP_PATH = 'basemap/provinces.geojson';

export interface BasemapOptions {
  /** Folder holding `th-provinces.geojson`; default `<repoRoot>/../shared/geodata`. */
  geodataDir: string;
  /** Douglas-Peucker tolerance in degrees: 0.004° ≈ 440 m, invisible at province zoom. */
  toleranceDeg?: number;
  /** Decimals kept per coordinate: 3 ≈ 110 m. */
  precision?: number;
}

type Provinces = FeatureCollection<Polygon | MultiPolygon>;

/** Reads, simplifies and slims the province boundaries; keeps only code and names. */
export function buildBasemap(opts: BasemapOptions): string {
  const file = resolve(opts.geodataDir, 'th-provinces.geojson');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`basemap: cannot read ${file}; set GEODATA_DIR to the folder holding th-provinces.geojson`, {
      cause,
    });
  }
  const source = JSON.parse(raw) as Provinces;
  const slim: Provinces = {
    type: 'FeatureCollection',
    features: source.features.map((f) => ({
      type: 'Feature',
      properties: { code: f.properties?.pro_code, nameTh: f.properties?.pro_th, nameEn: f.properties?.pro_en },
      geometry: f.geometry,
    })),
  };
  const simple = simplify(slim, { tolerance: opts.toleranceDeg ?? 0.004, highQuality: false, mutate: true });
  return JSON.stringify(truncate(simple, { precision: opts.precision ?? 3, coordinates: 2, mutate: true }));
}

/** The plugin: emits the basemap on build and answers `/basemap/provinces.geojson` in dev. */
export function basemapPlugin(opts: BasemapOptions): Plugin {
  let cached: string | undefined;
  const basemap = () => (cached ??= buildBasemap(opts));
  return {
    name: 'phithak-basemap',
    configureServer(server) {
      server.middlewares.use(`/${BASEMAP_PATH}`, (_req, res) => {
        res.setHeader('content-type', 'application/geo+json');
        res.end(basemap());
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use(`/${BASEMAP_PATH}`, (_req, res) => {
        res.setHeader('content-type', 'application/geo+json');
        res.end(basemap());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BASEMAP_PATH, source: basemap() });
    },
  };
}
