/**
 * Forward geocoding: free text (addresses, stories, romanised or Malay names) to the most
 * precise place the text supports. Pipeline: normalise -> scan Thai and Latin mentions ->
 * decide which unmarked mentions may stand alone -> fuzzy-match marked spans that matched
 * nothing -> resolve the hierarchy (`resolve.ts`).
 */
import type { GeocodeResult } from '../types.js';
import { skeletonOf, thaiFullKeys, type Gazetteer } from './gazetteer.js';
import { latinWords, ngramKey, scanLatin, type LatinWord } from './latin-scan.js';
import { HOME_PROVINCES } from './home-provinces.js';
import type { Mention } from './mention.js';
import { resolveMentions } from './resolve.js';
import { reverseGeocode } from './reverse-geocode.js';
import type { ServiceArea } from '../service-area/service-area.js';
import { latinKey, thaiKey } from './text-keys.js';
import { compactThai, scanThai, type CompactThai } from './thai-scan.js';
import { fillFuzzy, latinWordFuzzy } from './typo-match.js';

/** Queries longer than this are cut (tip texts are at most 5,000 characters). */
const MAX_QUERY_CHARS = 5000;
/** Unmarked Thai names shorter than this never stand alone (too many common words). */
const MIN_STANDALONE_THAI = 4;
/** Share of the Thai letters covered by place names above which text reads as an address. */
const ADDRESS_COVERAGE = 0.6;
/** Unmarked Thai names shorter than this count only where word boundaries fall around them. */
const MIN_UNALIGNED_THAI = 6;
/** Unmarked romanised keys shorter than this stand alone only when capitalised. */
const MIN_STANDALONE_LATIN = 5;
const COMMON_LATIN = new Set(
  [
    'song',
    'long',
    'pong',
    'mayo',
    'chun',
    'pai',
    'pua',
    'wang',
    'bang',
    'nong',
    'tha',
    'ban',
    'mueang',
    'muang',
    'city',
    'town',
    'kota',
  ].map(latinKey),
);

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Characters of context segmented on each side of a mention (word boundaries are local). */
const SEGMENT_WINDOW = 12;

/** Word-boundary offsets of `text` around [start, end), from a windowed segmentation. */
function boundariesAround(text: string, start: number, end: number): Set<number> {
  const from = Math.max(0, start - SEGMENT_WINDOW);
  const to = Math.min(text.length, end + SEGMENT_WINDOW);
  const out = new Set<number>([to]);
  for (const seg of segmenter.segment(text.slice(from, to))) out.add(seg.index + from);
  return out;
}

/** A short district name of the home provinces (แว้ง) may stand alone, spelt exactly. */
function isHomeAmphoeName(g: Gazetteer, m: Mention, key: string): boolean {
  return (
    key.length >= 3 &&
    m.ids.some((id) => {
      const p = g.places[id];
      return p.level === 1 && HOME_PROVINCES.has(p.code.slice(0, 2)) && skeletonOf(g, id) === key && !m.toneMismatch;
    })
  );
}

/**
 * Decides what unmarked Thai mentions may do. Common words (ตลาด, ท่าเรือ) and short names
 * that word segmentation does not see as words (เทิง inside สถานบันเทิง) are dropped; the
 * rest support readings, and stand alone when long enough (or an alias / home district).
 */
function vetThaiMentions(g: Gazetteer, text: string, c: CompactThai, mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.script !== 'th' || m.level !== null || m.ids.length === 0) continue;
    const key = c.s.slice(m.start, m.end);
    const alias = g.aliasKeys.has(key);
    if (m.common && !alias) {
      m.ids = [];
      continue;
    }
    const a = c.orig[m.start];
    const b = m.end >= c.s.length ? text.length : c.orig[m.end];
    let startOk = c.gapBefore[m.start] === 1;
    let endOk = m.end >= c.s.length || c.gapBefore[m.end] === 1;
    if (!startOk || !endOk) {
      const bounds = boundariesAround(text, a, b);
      startOk ||= bounds.has(a);
      endOk ||= bounds.has(b);
    }
    const aligned = startOk && endOk;
    if (!aligned && key.length < MIN_UNALIGNED_THAI) {
      m.ids = [];
      continue;
    }
    const long = key.length >= MIN_STANDALONE_THAI;
    m.standalone = aligned && (long || alias || isHomeAmphoeName(g, m, key));
  }
  markProse(c, mentions);
}

/**
 * In prose (place names cover little of the text) an unmarked tambon name needs its amphoe
 * named too: "ที่ท่าเรือสายบุรี" is a pier, not tambon Tha Ruea. In bare addresses
 * ("โคกเคียน นราธิวาส") names cover most of the text and a province is support enough.
 */
function markProse(c: CompactThai, mentions: Mention[]): void {
  let letters = 0;
  for (let i = 0; i < c.s.length; i++) if (c.s[i] !== '|' && c.s[i] !== '.') letters++;
  let covered = 0;
  for (const m of mentions) if (m.script === 'th' && m.ids.length > 0) covered += m.end - m.start;
  if (covered >= ADDRESS_COVERAGE * letters) return;
  for (const m of mentions) if (m.script === 'th' && m.level === null) m.prose = true;
}

function markLatinStandalone(words: LatinWord[], mentions: Mention[], g: Gazetteer): void {
  for (const m of mentions) {
    if (m.script !== 'latin' || m.level !== null) continue;
    const key = ngramKey(words, m.start, m.end);
    if (COMMON_LATIN.has(key)) continue;
    const province = m.ids.every((id) => g.places[id].level === 0);
    m.standalone = key.length >= MIN_STANDALONE_LATIN || (words[m.start].capital && (province || key.length >= 4));
  }
}

/** "Pattani town": a province name followed by town/city means its capital district. */
function expandTowns(g: Gazetteer, mentions: Mention[]): void {
  for (const m of mentions) {
    if (!m.town) continue;
    const caps = g.capitals.filter((a) => m.ids.includes(g.places[a].parent));
    if (caps.length) m.ids = m.ids.filter((id) => g.places[id].level !== 0).concat(caps);
  }
}

/** Thai mentions whose text differs from every exact name in tone marks only. */
function markToneMismatch(g: Gazetteer, text: string, c: CompactThai, mentions: Mention[]): void {
  const fullKeys = thaiFullKeys(g);
  for (const m of mentions) {
    if (m.script !== 'th' || m.ids.length === 0) continue;
    let end = c.orig[m.end - 1] + 1;
    while (end < text.length && TONE_MARK.test(text[end])) end++;
    if (!fullKeys.has(thaiKey(text.slice(c.orig[m.start], end)))) m.toneMismatch = true;
  }
}

function markAlias(g: Gazetteer, m: Mention, c: CompactThai | null, words: LatinWord[]): void {
  if (g.aliasKeys.size === 0 || m.ids.length === 0) return;
  const key = m.script === 'th' && c ? c.s.slice(m.start, m.end) : ngramKey(words, m.start, m.end);
  const meant = g.aliasKeys.get(key);
  if (meant) m.aliasIds = meant;
}

const TONE_MARK = /[\u0e47-\u0e4c]/;
const POSTCODE = /(?:^|\D)(\d{5})(?!\d)/g;

/** 5-digit postcodes known to the gazetteer, as support-only amphoe mentions. */
function postcodeMentions(g: Gazetteer, text: string): Mention[] {
  const out: Mention[] = [];
  POSTCODE.lastIndex = 0;
  for (let m = POSTCODE.exec(text); m; m = POSTCODE.exec(text)) {
    const ids = g.postcodes.get(m[1]);
    if (ids)
      out.push({ ids, level: null, start: Number.MAX_SAFE_INTEGER, end: 0, script: 'th', fuzzy: 0, supportOnly: true });
  }
  return out;
}

/** A decimal coordinate pair pasted into text ("6.4255, 101.8303", maps links "@6.42,101.82"). */
const COORDINATES = /(?:^|[^\d.])([+-]?\d{1,2}\.\d{3,})\s*,\s*([+-]?\d{2,3}\.\d{3,})(?![\d.])/;

/**
 * Coordinates in the text that fall inside Thailand, or at sea within the service area (a
 * fishing boat's position: named after the nearest tambon, with a sea note): the exact
 * point beats any place name.
 */
function pastedPoint(g: Gazetteer, text: string, area?: ServiceArea): GeocodeResult | null {
  const m = COORDINATES.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const r = reverseGeocode(g, { lat, lon }, area);
  return r.inThailand || r.admin?.sea ? r : null;
}

/**
 * Forward-geocodes free text; `{precision: 'none'}` when it names no place. Coordinates
 * pasted into the text (inside Thailand, or at sea within its service area) give a `point`
 * result, as the contract's "coordinates given" precision. `area`: the service area for
 * those coordinates (default: all of Thailand plus 30 km, as `reverseGeocode`).
 */
export function geocode(g: Gazetteer, text: string, area?: ServiceArea): GeocodeResult {
  const norm = text.slice(0, MAX_QUERY_CHARS).normalize('NFC');
  const point = /\d\.\d{3}/.test(norm) ? pastedPoint(g, norm, area) : null;
  if (point) return point;
  const thai = /[\u0e00-\u0e7f]/.test(norm) ? compactThai(norm) : null;
  const mentions = thai ? scanThai(g, thai) : [];
  const words = /[A-Za-z]/.test(norm) ? latinWords(norm) : [];
  const latin = words.length ? scanLatin(g, words) : [];
  if (thai) {
    markToneMismatch(g, norm, thai, mentions);
    vetThaiMentions(g, norm, thai, mentions);
  }
  markLatinStandalone(words, latin, g);
  const all = mentions.concat(latin);
  if (all.length === 0 && words.length > 0) all.push(...latinWordFuzzy(g, words));
  expandTowns(g, all);
  for (const m of all) markAlias(g, m, thai, words);
  if (all.length > 0 && /\d{5}/.test(norm)) all.push(...postcodeMentions(g, norm));
  const latinLeftovers = words.length > latin.reduce((n, m) => n + m.end - m.start, 0);
  if (latinLeftovers || all.some((m) => m.ids.length === 0 || m.spanEnd !== undefined)) fillFuzzy(g, all, thai, words);
  return resolveMentions(g, all);
}
