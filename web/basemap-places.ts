/**
 * Place labels for the basemap, derived at build time from the gazetteer input
 * `th-subdistricts.csv` through the geocoder's own cleaner: every province, and the amphoes
 * and tambons of the service area, each at its centroid. The browser draws them (MapLibre's
 * glyph renderer cannot shape Thai), and the patrol view names the nearest tambon offline.
 */
import { cleanSubdistricts, type CleanTambon } from '../shared/geocoder/clean-subdistricts.js';

/** `[code, thai, romanised, lat, lon]`; tambons add their amphoe code. */
export type PlaceRow = [string, string, string, number, number];
export type TambonRow = [string, string, string, number, number, string];

/** `basemap/places.json`: compact arrays, ~30 KB for the four border provinces. */
export interface BasemapPlaces {
  provinces: PlaceRow[];
  amphoes: PlaceRow[];
  tambons: TambonRow[];
}

/** 4 decimals ≈ 11 m: finer than any label needs. */
const round = (deg: number) => Math.round(deg * 1e4) / 1e4;

function meanRows(groups: Map<string, CleanTambon[]>, pick: (t: CleanTambon) => [string, string]): PlaceRow[] {
  const rows: PlaceRow[] = [];
  for (const [code, members] of groups) {
    const placed = members.filter((t) => Number.isFinite(t.lat) && Number.isFinite(t.lon));
    if (!placed.length) continue;
    const lat = placed.reduce((s, t) => s + t.lat, 0) / placed.length;
    const lon = placed.reduce((s, t) => s + t.lon, 0) / placed.length;
    const [th, en] = pick(placed[0]);
    rows.push([code, th, en, round(lat), round(lon)]);
  }
  return rows.sort((a, b) => a[0].localeCompare(b[0]));
}

function groupBy(tambons: CleanTambon[], key: (t: CleanTambon) => string): Map<string, CleanTambon[]> {
  const out = new Map<string, CleanTambon[]>();
  for (const t of tambons) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** The cleaned tambons of the CSV, those without coordinates left out. */
export function placedTambons(csvText: string): CleanTambon[] {
  return cleanSubdistricts(csvText).tambons.filter((t) => Number.isFinite(t.lat) && Number.isFinite(t.lon));
}

/** Labels for every province and for the amphoes and tambons of `serviceProvinces`. */
export function buildPlaces(tambons: CleanTambon[], serviceProvinces: ReadonlySet<string>): BasemapPlaces {
  const local = tambons.filter((t) => serviceProvinces.has(t.provinceCode));
  return {
    provinces: meanRows(
      groupBy(tambons, (t) => t.provinceCode),
      (t) => [t.provinceTh, t.provinceEn],
    ),
    amphoes: meanRows(
      groupBy(local, (t) => t.amphoeCode),
      (t) => [t.amphoeTh, t.amphoeEn],
    ),
    tambons: local
      .map((t): TambonRow => [t.code, t.th, t.en, round(t.lat), round(t.lon), t.amphoeCode])
      .sort((a, b) => a[0].localeCompare(b[0])),
  };
}
