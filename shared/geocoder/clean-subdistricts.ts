/**
 * Cleans `th-subdistricts.csv` (data.go.th via pramotesupnoi/Thailand-Subdistrict-data).
 * Every known defect of the input (see `GEODATA_DIR/README.md`) is handled here, in pure
 * code, so each fix is pinned by a unit test (`clean-subdistricts.test.ts`).
 */
import { parseCsv } from './parse-csv.js';

/** One tambon after cleaning; names are trimmed, prefix-free and codes are official. */
export interface CleanTambon {
  code: string;
  th: string;
  en: string;
  /** Centroid in degrees; `NaN` when the input has none (Bueng Kan), filled later. */
  lat: number;
  lon: number;
  /** Thai postcode (5 digits) or '' when the input has none. */
  postcode: string;
  amphoeCode: string;
  amphoeTh: string;
  amphoeEn: string;
  provinceCode: string;
  provinceTh: string;
  provinceEn: string;
}

/** What the cleaner changed, for the importer's one-line summary and the tests. */
export interface CleanReport {
  rowsIn: number;
  retiredDropped: number;
  duplicatesDropped: number;
  buengKanRecoded: number;
  bangkokPrefixesStripped: number;
  romanisationsFixed: number;
  missingCoordinates: number;
}

/**
 * Bueng Kan was split from Nong Khai in 2011; the input still carries the old Nong Khai
 * district codes under province `97`. Official codes (DOPA, province 38) follow the old
 * order: 4303 Mueang Bueng Kan -> 3801 ... 4313 Bung Khla -> 3808.
 */
const BUENG_KAN_AMPHOE: Record<string, string> = {
  '4303': '3801',
  '4304': '3802',
  '4306': '3803',
  '4309': '3804',
  '4310': '3805',
  '4311': '3806',
  '4312': '3807',
  '4313': '3808',
};

/**
 * Districts whose romanised name in the input is copied from a neighbour (found by listing
 * romanised names shared by two districts of one province); RTGS spellings of the Thai name.
 */
const AMPHOE_EN_FIX: Record<string, string> = {
  '3117': 'Non Suwan', // โนนสุวรรณ, labelled "Non Din Daeng"
  '4106': 'Nong Han', // หนองหาน, labelled "Nong Saeng"
  '4904': 'Dong Luang', // ดงหลวง, labelled "Don Tan"
  '5402': 'Rong Kwang', // ร้องกวาง, labelled "Mueang Phrae"
  '5602': 'Chun', // จุน; 5602-5609 are all labelled "Mueang Phayao"
  '5603': 'Chiang Kham',
  '5604': 'Chiang Muan',
  '5605': 'Dok Khamtai',
  '5606': 'Pong',
  '5607': 'Mae Chai',
  '5608': 'Phu Sang',
  '5609': 'Phu Kamyao',
  '8419': 'Wiphawadi', // วิภาวดี, labelled "Chai Buri"
  '9603': 'Bacho', // บาเจาะ, labelled "Tak Bai"
};

/** Misspelt romanisation fragments seen in the input, with their RTGS spelling. */
const EN_FRAGMENT_FIX: ReadonlyArray<[RegExp, string]> = [
  [/\bMuaeng\b/g, 'Mueang'],
  [/\bKhlon\b/g, 'Khlong'],
];

const THAI_PREFIX = /^(แขวง|เขต)\s*/;

function isStarred(name: string): boolean {
  return name.startsWith('*') || name.endsWith('*');
}

function fixEn(en: string, report: CleanReport): string {
  let out = en.trim();
  for (const [re, to] of EN_FRAGMENT_FIX) out = out.replace(re, to);
  if (out !== en.trim()) report.romanisationsFixed++;
  return out;
}

/** Strips Bangkok's แขวง/เขต prefix and stray spaces from a Thai name. */
export function cleanThaiName(name: string): string {
  return name.trim().replace(THAI_PREFIX, '').trim();
}

/**
 * Parses and cleans the subdistrict CSV text. Retired units (Thai name starting with `*`,
 * or both names ending with it) are dropped; a `*` only on the romanised name marks a
 * renamed unit whose romanisation is the old name, so the row stays with an empty `en`.
 */
export function cleanSubdistricts(csvText: string): { tambons: CleanTambon[]; report: CleanReport } {
  const report: CleanReport = {
    rowsIn: 0,
    retiredDropped: 0,
    duplicatesDropped: 0,
    buengKanRecoded: 0,
    bangkokPrefixesStripped: 0,
    romanisationsFixed: 0,
    missingCoordinates: 0,
  };
  const byCode = new Map<string, CleanTambon>();
  const buengKan: CleanTambon[] = [];
  for (const cols of parseCsv(csvText)) {
    if (cols.length < 12) continue;
    report.rowsIn++;
    const t = cleanRow(cols, report);
    if (!t) continue;
    if (byCode.has(t.code)) {
      report.duplicatesDropped++;
      continue;
    }
    byCode.set(t.code, t);
    if (t.provinceCode === '38') buengKan.push(t);
  }
  renumberBuengKan(buengKan, report);
  const tambons = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  report.missingCoordinates = tambons.filter((t) => Number.isNaN(t.lat)).length;
  return { tambons, report };
}

function cleanRow(cols: string[], report: CleanReport): CleanTambon | null {
  const [code, thRaw, enRaw, lat, lon, postcode, amphoeCode, amphoeThRaw, amphoeEnRaw, provinceCode] = cols;
  // Retired: `*` leads the Thai name, or trails both names ("โคกกว้าง*" / "Khok Kwang*").
  // A trailing `*` on the Thai name alone ends a merged note (520101), not a retirement.
  const thTrim = thRaw.trim();
  if (thTrim.startsWith('*') || (thTrim.endsWith('*') && enRaw.trim().endsWith('*'))) {
    report.retiredDropped++;
    return null;
  }
  if (THAI_PREFIX.test(thRaw.trim()) || THAI_PREFIX.test(amphoeThRaw.trim())) {
    report.bangkokPrefixesStripped++;
  }
  // A garbled Thai cell (a note merged into the name, e.g. 520101) keeps its first word.
  const th = cleanThaiName(thRaw).replace(/\*$/, '').split(/\s+/)[0];
  const en = isStarred(enRaw.trim()) ? '' : fixEn(enRaw, report);
  return {
    code: code.trim(),
    th,
    en,
    lat: lat.trim() === '' ? NaN : Number(lat),
    lon: lon.trim() === '' ? NaN : Number(lon),
    postcode: /^\d{5}$/.test(postcode.trim()) ? postcode.trim() : '',
    amphoeCode: amphoeCode.trim(),
    amphoeTh: cleanThaiName(amphoeThRaw),
    amphoeEn: AMPHOE_EN_FIX[amphoeCode.trim()] ?? fixEn(amphoeEnRaw, report),
    provinceCode: provinceCode.trim() === '97' ? '38' : provinceCode.trim(),
    provinceTh: cleanThaiName(cols[10]),
    provinceEn: cols[11].trim(),
  };
}

/** Gives Bueng Kan rows official codes: 38 + new district + tambons renumbered in order. */
function renumberBuengKan(rows: CleanTambon[], report: CleanReport): void {
  rows.sort((a, b) => (a.code < b.code ? -1 : 1));
  const seq = new Map<string, number>();
  for (const t of rows) {
    const amphoe = BUENG_KAN_AMPHOE[t.amphoeCode] ?? t.amphoeCode;
    const n = (seq.get(amphoe) ?? 0) + 1;
    seq.set(amphoe, n);
    t.amphoeCode = amphoe;
    t.code = amphoe + String(n).padStart(2, '0');
    report.buengKanRecoded++;
  }
}
