/**
 * Typo tolerance for the geocoder: marked names that matched nothing (or stopped short of
 * their marked span) and lone misspelt Latin words are matched by bounded edit distance
 * (`fuzzy.ts`), searching inside the provinces the text names whenever it names one.
 */
import { fuzzyLookup, type FuzzyEntry } from './fuzzy.js';
import { skeletonOf, type Gazetteer, type Level } from './gazetteer.js';
import { isLatinFiller, ngramKey, type LatinWord } from './latin-scan.js';
import type { Mention } from './mention.js';
import type { CompactThai } from './thai-scan.js';

/** Unmarked Latin words shorter than this are never fuzzy-matched. */
const MIN_LATIN_FUZZY = 6;
/** Marked spans shorter than this are not fuzzy-matched ("ต.ค." is a month, not a tambon). */
const MIN_FUZZY_SPAN = 3;

function entryOf(g: Gazetteer, id: number, script: 'th' | 'latin'): FuzzyEntry {
  const p = g.places[id];
  return { id, key: script === 'th' ? skeletonOf(g, id) : p.enKey };
}

const allEntries = new WeakMap<Gazetteer, Map<string, FuzzyEntry[]>>();

/** Every place of one level as fuzzy entries, built once per gazetteer. */
function entriesOfLevel(g: Gazetteer, level: Level, script: 'th' | 'latin'): FuzzyEntry[] {
  let cache = allEntries.get(g);
  if (!cache) {
    cache = new Map();
    allEntries.set(g, cache);
  }
  const k = `${level}${script}`;
  let list = cache.get(k);
  if (!list) {
    list = [];
    for (let id = 0; id < g.places.length; id++) if (g.places[id].level === level) list.push(entryOf(g, id, script));
    cache.set(k, list);
  }
  return list;
}

/** Fuzzy candidates of one level: all of them, or only those inside `provinces`. */
function entriesFor(g: Gazetteer, level: Level, script: 'th' | 'latin', provinces: Set<string>): FuzzyEntry[] {
  if (level === 0 || provinces.size === 0) return entriesOfLevel(g, level, script);
  const list: FuzzyEntry[] = [];
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

/** Fills marked mentions that matched nothing (or stopped short) with their best typo match. */
export function fillFuzzy(g: Gazetteer, mentions: Mention[], c: CompactThai | null, words: LatinWord[]): void {
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
  if (ctx.size > 0 && words.length > 0) mentions.push(...latinClauseFuzzy(g, words, mentions, ctx));
}

/** Longest unmatched address part read as a place name ("Plong Hoi" in "Plong Hoi, Kapho"). */
const MAX_CLAUSE_WORDS = 3;

/**
 * Romanised address parts (whole comma-separated clauses of 1-3 words) that matched nothing
 * are typo-matched against the amphoes and tambons of the provinces the text names.
 */
function latinClauseFuzzy(g: Gazetteer, words: LatinWord[], mentions: Mention[], ctx: Set<string>): Mention[] {
  const covered = new Uint8Array(words.length);
  for (const m of mentions) if (m.script === 'latin') for (let k = m.start; k < m.end; k++) covered[k] = 1;
  const out: Mention[] = [];
  for (let i = 0; i < words.length;) {
    let j = i;
    while (j < words.length && words[j].clause === words[i].clause) j++;
    const part = [];
    for (let k = i; k < j; k++) if (!isLatinFiller(words[k])) part.push(k);
    const whole = part.length > 0 && part.length <= MAX_CLAUSE_WORDS && part.every((k) => !covered[k]);
    if (whole && part[part.length - 1] - part[0] === part.length - 1) {
      const key = ngramKey(words, part[0], part[0] + part.length);
      for (const level of [2, 1] as const) {
        const hit = key.length >= 5 ? fuzzyLookup(entriesFor(g, level, 'latin', ctx), key) : null;
        if (hit && hit.dist <= 1 && hit.length >= key.length - 1) {
          out.push({
            ids: hit.ids,
            level: null,
            start: part[0],
            end: part[0] + part.length,
            script: 'latin',
            fuzzy: hit.dist,
          });
          break;
        }
      }
    }
    i = j;
  }
  return out;
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
      const meant = g.aliasKeys.get(key) ?? ids.filter((id) => g.places[id].level === 0);
      for (const id of meant) list.push({ id, key });
    }
    latinNameEntries.set(g, list);
  }
  return list;
}

/**
 * When nothing else was found, a single long Latin word one edit away from a province or
 * alias ("Narathiwas", "Pattanii") is read as that place.
 */
export function latinWordFuzzy(g: Gazetteer, words: LatinWord[]): Mention[] {
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
