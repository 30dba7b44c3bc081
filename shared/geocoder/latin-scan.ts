/**
 * Finds romanised / Malay place-name mentions: n-grams of up to `latinMaxWords` words within
 * a clause (commas and other punctuation end a clause), longest first, looked up by folded
 * key, with markers before ("tambon", "amphoe", "t.", "a.", "changwat") or after
 * ("... district", "... province").
 */
import type { Gazetteer, Level } from './gazetteer.js';
import type { Mention } from './mention.js';
import { foldLatinWord, joinFolded } from './text-keys.js';

/** A Latin word of the query, with its clause number and capitalisation. */
export interface LatinWord {
  raw: string;
  clause: number;
  capital: boolean;
  /** Followed directly by a dot ("t.", "a."). */
  dotted: boolean;
  /** The word folded by `foldLatinWord`, ready to join into n-gram keys. */
  fold: string;
}

const PRE_MARKERS = new Map<string, Level>([
  ['tambon', 2],
  ['tumbon', 2],
  ['tambol', 2],
  ['khwaeng', 2],
  ['kwaeng', 2],
  ['subdistrict', 2],
  ['amphoe', 1],
  ['amphur', 1],
  ['amphor', 1],
  ['ampur', 1],
  ['ampoe', 1],
  ['khet', 1],
  ['daerah', 1],
  ['changwat', 0],
  ['wilayah', 0],
  ['jangwat', 0],
]);
/** Abbreviations that are markers only when dotted ("t. bang nak", "a. mueang", "amp. tak bai"). */
const DOTTED_MARKERS = new Map<string, Level>([
  ['t', 2],
  ['tb', 2],
  ['a', 1],
  ['amp', 1],
  ['ch', 0],
  ['j', 0],
  ['prov', 0],
]);
/** Words that mark the mention just before them, or else the one after them. */
const POST_MARKERS = new Map<string, Level>([
  ['subdistrict', 2],
  ['district', 1],
  ['province', 0],
  ['town', 1],
  ['city', 1],
]);
/** Words that never start a place name. */
const SKIP = new Set(['of', 'the', 'in', 'at', 'sub']);

/** Splits normalised text into Latin words, numbering clauses at punctuation and Thai script. */
export function latinWords(text: string): LatinWord[] {
  const words: LatinWord[] = [];
  let clause = 0;
  const re = /([A-Za-z\u00c0-\u024f]+)(\.?)|([,;:/()\n|\u0e00-\u0e7f0-9]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[3]) {
      clause++;
      continue;
    }
    const raw = m[1].normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const lower = raw.toLowerCase().replace(/[^a-z]/g, '');
    if (!lower) continue;
    words.push({
      raw: lower,
      clause,
      capital: raw[0] !== raw[0].toLowerCase(),
      dotted: m[2] === '.',
      fold: foldLatinWord(lower),
    });
  }
  return words;
}

/** Whether the word is a marker or filler rather than part of a name. */
export function isLatinFiller(w: LatinWord): boolean {
  return markerOf(w) !== null || POST_MARKERS.has(w.raw) || SKIP.has(w.raw);
}

function markerOf(w: LatinWord): Level | null {
  return PRE_MARKERS.get(w.raw) ?? (w.dotted ? DOTTED_MARKERS.get(w.raw) : undefined) ?? null;
}

/** Folded key of words [from, to). */
export function ngramKey(words: readonly LatinWord[], from: number, to: number): string {
  const parts: string[] = [];
  for (let k = from; k < to; k++) parts.push(words[k].fold);
  return joinFolded(parts);
}

function longestAt(g: Gazetteer, words: LatinWord[], i: number): { ids: number[]; end: number } | null {
  let maxN = 1;
  while (maxN < g.latinMaxWords && i + maxN < words.length && words[i + maxN].clause === words[i].clause) maxN++;
  for (let n = maxN; n >= 1; n--) {
    const ids = g.latin.get(ngramKey(words, i, i + n));
    if (ids) return { ids, end: i + n };
  }
  return null;
}

/** Scans the Latin words; unmatched marked spans come back with empty `ids` for fuzzy lookup. */
export function scanLatin(g: Gazetteer, words: LatinWord[]): Mention[] {
  const out: Mention[] = [];
  let pending: Level | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const post = POST_MARKERS.get(w.raw);
    const last = out[out.length - 1];
    if (post !== undefined && last && last.end === i && words[i - 1].clause === w.clause) {
      if (last.level === null) last.level = post === 1 && (w.raw === 'town' || w.raw === 'city') ? null : post;
      if (w.raw === 'town' || w.raw === 'city') last.town = true;
      continue;
    }
    const pre = markerOf(w) ?? post ?? null;
    if (pre !== null) {
      pending = pre;
      continue;
    }
    if (SKIP.has(w.raw)) continue;
    const hit = longestAt(g, words, i);
    if (pending !== null) {
      const end = hit ? hit.end : clauseEnd(words, i);
      out.push({ ids: hit ? hit.ids : [], level: pending, start: i, end, script: 'latin', fuzzy: 0 });
      pending = null;
      i = end - 1;
      continue;
    }
    if (hit) {
      out.push({ ids: hit.ids, level: null, start: i, end: hit.end, script: 'latin', fuzzy: 0 });
      i = hit.end - 1;
    }
  }
  return out;
}

/** End of the clause or of the next three words, whichever comes first (a marked span). */
function clauseEnd(words: LatinWord[], i: number): number {
  let j = i + 1;
  while (j < words.length && j - i < 3 && words[j].clause === words[i].clause && markerOf(words[j]) === null) j++;
  return j;
}
