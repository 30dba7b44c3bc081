/**
 * Forward geocoding: free text (addresses, stories, romanised or Malay names) to the most
 * precise place the text supports. Pipeline: normalise -> scan Thai and Latin mentions ->
 * decide which unmarked mentions may stand alone -> fuzzy-match marked spans that matched
 * nothing -> resolve the hierarchy (`resolve.ts`).
 */
import type { GeocodeResult } from '../types.js';
import { fuzzyLookup, type FuzzyEntry } from './fuzzy.js';
import type { Gazetteer, Level } from './gazetteer.js';
import { latinWords, ngramKey, scanLatin, type LatinWord } from './latin-scan.js';
import { HOME_PROVINCES } from './home-provinces.js';
import type { Mention } from './mention.js';
import { resolveMentions } from './resolve.js';
import { latinKey, thaiKey, thaiSkeleton } from './text-keys.js';
import { compactThai, scanThai, type CompactThai } from './thai-scan.js';

/** Queries longer than this are cut (tip texts are at most 5,000 characters). */
const MAX_QUERY_CHARS = 5000;
/** Unmarked Latin words shorter than this are never fuzzy-matched. */
const MIN_LATIN_FUZZY = 6;
/** Marked spans shorter than this are not fuzzy-matched ("ต.ค." is a month, not a tambon). */
const MIN_FUZZY_SPAN = 3;
/** Unmarked Thai names shorter than this never stand alone (too many common words). */
const MIN_STANDALONE_THAI = 4;
/** Unmarked romanised keys shorter than this stand alone only when capitalised. */
const MIN_STANDALONE_LATIN = 5;
/** Common Thai words that are also place names: they need a marker or hierarchy support. */
const COMMON_THAI = new Set(
  ['ตลาด', 'ในเมือง', 'เมือง', 'บ้านใหม่', 'กลาง', 'เลย', 'แพร่', 'ตาก', 'ทุ่งนา', 'นาดี', 'ท่าข้าม', 'ในเวียง', 'หัวเวียง', 'บ้านเก่า', 'ป่าไม้', 'ทะเล', 'สวนดอก'].map(thaiSkeleton),
);
const COMMON_LATIN = new Set(['song', 'long', 'pong', 'mayo', 'chun', 'pai', 'pua', 'wang', 'bang', 'nong', 'tha', 'ban', 'mueang', 'muang', 'city', 'town', 'kota'].map(latinKey));

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

function wordStarts(text: string): Set<number> {
  const starts = new Set<number>();
  for (const s of segmenter.segment(text)) starts.add(s.index);
  return starts;
}

/** A short district name of the home provinces (แว้ง) may stand alone, spelt exactly. */
function isHomeAmphoeName(g: Gazetteer, m: Mention, key: string): boolean {
  return key.length >= 3 && m.ids.some((id) => {
    const p = g.places[id];
    return p.level === 1 && HOME_PROVINCES.has(p.code.slice(0, 2)) && p.thSkel === key && !m.toneMismatch;
  });
}

function markThaiStandalone(g: Gazetteer, text: string, c: CompactThai, mentions: Mention[]): void {
  let starts: Set<number> | null = null;
  for (const m of mentions) {
    if (m.script !== 'th' || m.level !== null) continue;
    const key = c.s.slice(m.start, m.end);
    if (COMMON_THAI.has(key)) continue;
    if (key.length < MIN_STANDALONE_THAI && !isHomeAmphoeName(g, m, key)) continue;
    starts ??= wordStarts(text);
    const startOk = c.gapBefore[m.start] === 1 || starts.has(c.orig[m.start]);
    const endOk = m.end >= c.s.length || c.gapBefore[m.end] === 1 || starts.has(c.orig[m.end]);
    m.standalone = startOk && endOk;
  }
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

function entryOf(g: Gazetteer, id: number, script: 'th' | 'latin'): FuzzyEntry {
  const p = g.places[id];
  return { id, key: script === 'th' ? p.thSkel : p.enKey };
}

/** Fuzzy candidates of one level: all of them, or only those inside `provinces`. */
function entriesFor(g: Gazetteer, level: Level, script: 'th' | 'latin', provinces: Set<string>): FuzzyEntry[] {
  const list: FuzzyEntry[] = [];
  if (level === 0 || provinces.size === 0) {
    g.places.forEach((p, id) => {
      if (p.level === level) list.push(entryOf(g, id, script));
    });
    return list;
  }
  for (const code of provinces) {
    const prov = g.byCode.get(code);
    if (prov === undefined) continue;
    for (const a of g.children[prov]) {
      if (level === 1) list.push(entryOf(g, a, script));
      else for (const t of g.children[a]) list.push(entryOf(g, t, script));
    }
  }
  return list;
}

/** Provinces named by exact mentions: fuzzy search for tambons stays inside them. */
function contextProvinces(g: Gazetteer, mentions: Mention[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) {
    if (m.ids.length === 0 || m.fuzzy > 0 || m.ids.length > 3) continue;
    if (m.level === null && !m.standalone) continue;
    for (const id of m.ids) out.add(g.places[id].code.slice(0, 2));
  }
  return out;
}

function fillFuzzy(g: Gazetteer, mentions: Mention[], c: CompactThai | null, words: LatinWord[]): void {
  const ctx = contextProvinces(g, mentions);
  // Without a province to search in, an amphoe/tambon typo is only trusted in address-like
  // text (two or more markers): "อ.สมชาย" is more likely a teacher than a district.
  const addressLike = mentions.filter((m) => m.level !== null).length >= 2;
  for (const m of mentions) {
    if (m.spanEnd !== undefined && c && ctx.size > 0) {
      refineMarked(g, m, c, ctx);
      continue;
    }
    if (m.ids.length > 0 || m.level === null || m.weakMarker) continue;
    if (m.level > 0 && ctx.size === 0 && !addressLike) continue;
    let span: string;
    if (m.script === 'th' && c) span = c.s.slice(m.start, m.end);
    else span = ngramKey(words, m.start, m.end);
    if (span.length < MIN_FUZZY_SPAN) continue;
    const hit = fuzzyLookup(entriesFor(g, m.level, m.script, ctx), span);
    if (hit) {
      m.ids = hit.ids;
      m.fuzzy = hit.dist;
    }
  }
}

/**
 * A marked name whose exact match stops short of the marked span ("ต.สะเตงนอด": exact
 * สะเตง, typo of สะเตงนอก) takes a longer fuzzy match inside the provinces named.
 */
function refineMarked(g: Gazetteer, m: Mention, c: CompactThai, ctx: Set<string>): void {
  if (m.level === null || m.spanEnd === undefined) return;
  const span = c.s.slice(m.start, m.spanEnd);
  const minLength = m.end - m.start + 2;
  const longer = entriesFor(g, m.level, 'th', ctx).filter((e) => e.key.length >= minLength);
  const hit = fuzzyLookup(longer, span);
  if (hit && hit.dist <= 1) {
    m.ids = hit.ids;
    m.fuzzy = hit.dist;
    m.end = m.start + hit.length;
  }
}

const latinNameEntries = new WeakMap<Gazetteer, FuzzyEntry[]>();

/** Folded keys of provinces and Latin aliases: what an unmarked misspelt word may mean. */
function provinceAndAliasEntries(g: Gazetteer): FuzzyEntry[] {
  let list = latinNameEntries.get(g);
  if (!list) {
    list = [];
    for (const [key, ids] of g.latin) {
      if (key.length < MIN_LATIN_FUZZY) continue;
      const province = ids.filter((id) => g.places[id].level === 0);
      if (g.aliasKeys.has(key)) for (const id of ids) list.push({ id, key });
      else for (const id of province) list.push({ id, key });
    }
    latinNameEntries.set(g, list);
  }
  return list;
}

/**
 * When nothing else was found, a single long Latin word one edit away from a province or
 * alias ("Narathiwas", "Pattanii") is read as that place.
 */
function latinWordFuzzy(g: Gazetteer, words: LatinWord[]): Mention[] {
  const out: Mention[] = [];
  words.forEach((w, i) => {
    if (w.raw.length < MIN_LATIN_FUZZY || !w.capital) return;
    const key = ngramKey(words, i, i + 1);
    const hit = fuzzyLookup(provinceAndAliasEntries(g), key);
    if (hit && hit.dist === 1 && hit.length >= key.length - 1) {
      out.push({ ids: hit.ids, level: null, start: i, end: i + 1, script: 'latin', fuzzy: 1, standalone: true });
    }
  });
  return out;
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
  for (const m of mentions) {
    if (m.script !== 'th' || m.ids.length === 0) continue;
    let end = c.orig[m.end - 1] + 1;
    while (end < text.length && TONE_MARK.test(text[end])) end++;
    if (!g.thaiFullKeys.has(thaiKey(text.slice(c.orig[m.start], end)))) m.toneMismatch = true;
  }
}

function markAlias(g: Gazetteer, m: Mention, c: CompactThai | null, words: LatinWord[]): void {
  if (g.aliasKeys.size === 0 || m.ids.length === 0) return;
  const key =
    m.script === 'th' && c
      ? c.s.slice(m.start, m.end)
      : ngramKey(words, m.start, m.end);
  if (g.aliasKeys.has(key)) m.alias = true;
}

const TONE_MARK = /[\u0e47-\u0e4c]/;
const POSTCODE = /(?:^|\D)(\d{5})(?!\d)/g;

/** 5-digit postcodes known to the gazetteer, as support-only amphoe mentions. */
function postcodeMentions(g: Gazetteer, text: string): Mention[] {
  const out: Mention[] = [];
  POSTCODE.lastIndex = 0;
  for (let m = POSTCODE.exec(text); m; m = POSTCODE.exec(text)) {
    const ids = g.postcodes.get(m[1]);
    if (ids) out.push({ ids, level: null, start: Number.MAX_SAFE_INTEGER, end: 0, script: 'th', fuzzy: 0, supportOnly: true });
  }
  return out;
}

/** Forward-geocodes free text; `{precision: 'none'}` when it names no place. */
export function geocode(g: Gazetteer, text: string): GeocodeResult {
  const norm = text.slice(0, MAX_QUERY_CHARS).normalize('NFC');
  const thai = /[\u0e00-\u0e7f]/.test(norm) ? compactThai(norm) : null;
  const mentions = thai ? scanThai(g, thai) : [];
  const words = /[A-Za-z]/.test(norm) ? latinWords(norm) : [];
  const latin = words.length ? scanLatin(g, words) : [];
  if (thai) {
    markToneMismatch(g, norm, thai, mentions);
    markThaiStandalone(g, norm, thai, mentions);
  }
  markLatinStandalone(words, latin, g);
  const all = mentions.concat(latin);
  if (all.length === 0 && words.length > 0) all.push(...latinWordFuzzy(g, words));
  expandTowns(g, all);
  for (const m of all) markAlias(g, m, thai, words);
  if (all.length > 0 && /\d{5}/.test(norm)) all.push(...postcodeMentions(g, norm));
  if (all.some((m) => m.ids.length === 0 || m.spanEnd !== undefined)) fillFuzzy(g, all, thai, words);
  return resolveMentions(g, all);
}
