/**
 * The compact gazetteer index: what the importer writes to `.build/gazetteer-index.json`
 * and what `createGazetteer` loads. Plain JSON arrays keep it small and fast to parse.
 */
import { cleanSubdistricts, type CleanReport } from './clean-subdistricts.js';
import { PLACE_ALIASES } from './aliases.js';
import { createTrie, serializeTrie, trieInsert, type SerializedTrie } from './name-trie.js';
import { hasThai, latinKey, thaiSkeleton } from './text-keys.js';
import { BOUNDARY_SLACK_KM, compactShape, expandShape, shapeCentroid, type CompactShape } from './province-shapes.js';
import { buildAreaGrid, encodeAreaGrid, type SerializedAreaGrid } from '../service-area/area-grid.js';
import { MAX_BUFFER_KM } from '../service-area/service-area.js';

/** Bump when the layout changes; the loader refuses other versions. */
export const GAZETTEER_INDEX_VERSION = 6;

/** Province simplification tolerance in degrees (~220 m): borders move at most that much. */
export const PROVINCE_TOLERANCE_DEG = 0.002;

/**
 * Tambons column by column: one array per field parses with far fewer allocations than
 * 7,364 small tuples, which matters for the cold-start load time.
 */
export interface TambonColumns {
  code: string[];
  th: string[];
  en: string[];
  /** Folded romanised key (`latinKey(en)`), precomputed: folding at load costs ~10 ms. */
  enKey: string[];
  lat: number[];
  lon: number[];
  /** Postcode per tambon ('' when unknown). */
  postcode: string[];
}

/**
 * Serialised gazetteer. Provinces and amphoes are [code, thai, romanised, latinKey] tuples,
 * tambons are columns; coordinates are degrees rounded to 1e-4.
 */
export interface GazetteerIndex {
  version: number;
  provinces: Array<[string, string, string, string]>;
  amphoes: Array<[string, string, string, string]>;
  tambons: TambonColumns;
  /** Trie over the Thai name skeletons of every place, capital-district shorthand and alias. */
  thaiTrie: SerializedTrie;
  shapes: CompactShape[];
  /**
   * The service area's grid over all provinces, reaching `MAX_BUFFER_KM` + 1 km: built here
   * (~0.5 s) so that loading it costs well under 1 ms (`shared/service-area/area-grid.ts`).
   */
  areaGrid: SerializedAreaGrid;
  /** Tambons whose centroid is their province's polygon centroid (the CSV has none: Bueng Kan). */
  estimatedCentroids: string[];
}

/** Minimal GeoJSON shape of `th-provinces.geojson` that the importer reads. */
export interface ProvinceFeatureCollection {
  features: Array<{
    properties: { pro_code: string | number; pro_th?: string; pro_en?: string };
    geometry: { type: string; coordinates: unknown };
  }>;
}

/** "อ.เมือง" names the capital district เมือง<province> (every amphoe named เมือง...). */
export const CAPITAL_PREFIX_TH = 'เมือง';

/** Whether an amphoe's Thai name marks it as a province's capital district. */
export function isCapitalName(th: string): boolean {
  return th.startsWith(CAPITAL_PREFIX_TH) && th.length > CAPITAL_PREFIX_TH.length;
}

/**
 * The Thai trie, keyed by place index in load order (provinces, amphoes, tambons, as
 * stored): official names, เมือง for every capital district, and Thai-script aliases.
 */
function buildThaiTrie(index: Omit<GazetteerIndex, 'thaiTrie'>): SerializedTrie {
  const trie = createTrie();
  const names = [...index.provinces.map((p) => p[1]), ...index.amphoes.map((a) => a[1]), ...index.tambons.th];
  const codes = [...index.provinces.map((p) => p[0]), ...index.amphoes.map((a) => a[0]), ...index.tambons.code];
  const idOf = new Map(codes.map((c, i) => [c, i]));
  names.forEach((th, i) => {
    trieInsert(trie, thaiSkeleton(th), i);
    if (i >= index.provinces.length && i < index.provinces.length + index.amphoes.length && isCapitalName(th)) {
      trieInsert(trie, thaiSkeleton(CAPITAL_PREFIX_TH), i);
    }
  });
  for (const a of PLACE_ALIASES) {
    const id = idOf.get(a.code);
    if (id === undefined) throw new Error(`alias "${a.name}" points to unknown code ${a.code}`);
    if (hasThai(a.name)) trieInsert(trie, thaiSkeleton(a.name), id);
  }
  return serializeTrie(trie);
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

function toPolygons(geometry: { type: string; coordinates: unknown }): number[][][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as number[][][]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as number[][][][];
  throw new Error(`province geometry must be Polygon or MultiPolygon, got ${geometry.type}`);
}

/** Compacts the province boundaries; province codes are normalised to two digits. */
export function compactProvinces(fc: ProvinceFeatureCollection): CompactShape[] {
  return fc.features.map((f) => {
    const code = String(f.properties.pro_code).padStart(2, '0');
    return compactShape(code, toPolygons(f.geometry), PROVINCE_TOLERANCE_DEG);
  });
}

/**
 * Builds the index from the raw CSV text and the parsed province GeoJSON. Tambons without
 * a centroid (Bueng Kan) get their province's polygon centroid: a documented approximation.
 */
export function buildGazetteerIndex(
  csvText: string,
  provincesGeo: ProvinceFeatureCollection,
): { index: GazetteerIndex; report: CleanReport } {
  const { tambons, report } = cleanSubdistricts(csvText);
  const shapes = compactProvinces(provincesGeo);
  const centroidOf = new Map(shapes.map((s) => [s.code, shapeCentroid(expandShape(s))]));
  const provinces = new Map<string, [string, string, string, string]>();
  const amphoes = new Map<string, [string, string, string, string]>();
  const cols: TambonColumns = { code: [], th: [], en: [], enKey: [], lat: [], lon: [], postcode: [] };
  const estimatedCentroids: string[] = [];
  for (const t of tambons) {
    provinces.set(t.provinceCode, [t.provinceCode, t.provinceTh, t.provinceEn, latinKey(t.provinceEn)]);
    amphoes.set(t.amphoeCode, [t.amphoeCode, t.amphoeTh, t.amphoeEn, latinKey(t.amphoeEn)]);
    let { lat, lon } = t;
    if (Number.isNaN(lat) || Number.isNaN(lon)) {
      const c = centroidOf.get(t.provinceCode);
      if (!c) throw new Error(`tambon ${t.code} has no centroid and province ${t.provinceCode} no shape`);
      ({ lat, lon } = c);
      estimatedCentroids.push(t.code);
    }
    cols.code.push(t.code);
    cols.th.push(t.th);
    cols.en.push(t.en);
    cols.enKey.push(latinKey(t.en));
    cols.lat.push(round4(lat));
    cols.lon.push(round4(lon));
    cols.postcode.push(t.postcode);
  }
  const byCode = (a: [string, ...unknown[]], b: [string, ...unknown[]]): number => (a[0] < b[0] ? -1 : 1);
  const base = {
    version: GAZETTEER_INDEX_VERSION,
    provinces: [...provinces.values()].sort(byCode),
    amphoes: [...amphoes.values()].sort(byCode),
    tambons: cols,
    shapes,
    areaGrid: encodeAreaGrid(
      buildAreaGrid(shapes.map(expandShape), { reachKm: MAX_BUFFER_KM + 1, slackKm: BOUNDARY_SLACK_KM }),
    ),
    estimatedCentroids,
  };
  const index: GazetteerIndex = { ...base, thaiTrie: buildThaiTrie(base) };
  return { index, report };
}
