/**
 * Finds Thai place-name mentions in free text: a longest-match walk of the name trie at
 * every character of the compacted text (spaces removed, so "ต.โคกเคียนอ.เมือง" and
 * "ต. โคกเคียน อ. เมือง" read alike), with administrative markers (ต./ตำบล/แขวง,
 * อ./อำเภอ/เขต, จ./จังหวัด) read in the same pass.
 */
import type { Gazetteer, Level } from './gazetteer.js';
import { flatTrieAll } from './name-trie.js';
import type { Mention } from './mention.js';
import { thaiSkeleton } from './text-keys.js';

/** Markers in skeleton form (tone marks removed), longest first within each level. */
const MARKERS: ReadonlyArray<[string, Level | -1]> = [
  ['ตำบล', 2],
  ['แขวง', 2],
  ['ต.', 2],
  ['กิงอำเภอ', 1],
  ['อำเภอ', 1],
  ['เขต', 1],
  ['อ.', 1],
  ['จังหวัด', 0],
  ['จว.', 0],
  ['จ.', 0],
  // Noise markers (-1): what follows is a road, lane or village number, not an admin unit.
  ['ถนน', -1],
  ['ถ.', -1],
  ['ซอย', -1],
  ['ซ.', -1],
  ['ม.', -1],
  ['บ.', -1], // บ้าน (village) abbreviation: the village name that follows is not an admin unit
];

/**
 * Everyday Thai words that are also tambon or province names (skeleton form). Unmarked, they
 * are read as words, and a name starting inside them is still found ("ในเมืองนราธิวาส").
 */
const COMMON_WORDS = new Set(
  [
    'ตลาด',
    'ในเมือง',
    'เมือง',
    'บ้านใหม่',
    'กลาง',
    'เลย',
    'แพร่',
    'ตาก',
    'ทุ่งนา',
    'นาดี',
    'ท่าข้าม',
    'ในเวียง',
    'หัวเวียง',
    'บ้านเก่า',
    'ป่าไม้',
    'ทะเล',
    'สวนดอก',
    'ท่าเรือ',
    'วัด',
    'ถนน',
    'สะพาน',
    'ท่าน้ำ',
    'บ้านนา',
    'คลองใหม่',
    'ท่าช้าง',
    'บางเก่า',
    'ท่าสะอาด',
  ].map(thaiSkeleton),
);

/** Markers that are also everyday words (เขต: "zone, area"): they never trigger fuzzy. */
const WEAK_MARKERS = new Set(['เขต']);

/** Thai text in skeleton form plus, per character, its offset in the normalised input. */
export interface CompactThai {
  s: string;
  orig: number[];
  /** 1 where a space or hard boundary preceded the character in the input. */
  gapBefore: Uint8Array;
}

const BOUNDARY = '|';
const TONE_OR_NOISE = /[\u0e47-\u0e4c\-‐-―\u200b-\u200d\ufeff]/;

/** Compacts normalised text: Thai letters and dots kept, spaces dropped, others -> '|'. */
export function compactThai(text: string): CompactThai {
  const chars: string[] = [];
  const orig: number[] = [];
  const gaps: number[] = [];
  let gap = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (TONE_OR_NOISE.test(ch)) continue;
    if (ch === ' ' || ch === '\t') {
      gap = 1;
      continue;
    }
    const thai = code >= 0x0e00 && code <= 0x0e7f;
    if (!thai && ch !== '.') {
      if (chars[chars.length - 1] !== BOUNDARY) {
        chars.push(BOUNDARY);
        orig.push(i);
        gaps.push(1);
      }
      gap = 1;
      continue;
    }
    chars.push(ch);
    orig.push(i);
    gaps.push(gap);
    gap = 0;
  }
  return { s: chars.join(''), orig, gapBefore: Uint8Array.from(gaps) };
}

function markerAt(s: string, i: number): [string, Level | -1] | null {
  for (const m of MARKERS) if (s.startsWith(m[0], i)) return m;
  return null;
}

/**
 * The match to take at `i`: the longest one that fits the pending marker's level and does
 * not run across a space or into a marker ("อำเภอ เมือง จังหวัด" is เมือง, not the tambon
 * เมืองจัง); failing that, the longest one.
 */
function bestMatch(
  g: Gazetteer,
  c: CompactThai,
  i: number,
  pending: Level | -1 | null,
): { end: number; ids: number[] } | null {
  const all = flatTrieAll(g.thaiTrie, c.s, i);
  if (all.length === 0) return null;
  let fallback: { end: number; ids: number[] } | null = null;
  for (let k = all.length - 1; k >= 0; k--) {
    const m = all[k];
    if (pending !== null && pending >= 0 && !m.ids.some((id) => g.places[id].level === pending)) continue;
    fallback ??= m;
    if (!crossesGap(c, i, m.end)) return m;
  }
  // After a marker, a name of another level is no match: the marked span goes to typo lookup.
  if (pending !== null && pending >= 0) return fallback;
  return fallback ?? all[all.length - 1];
}

/** Markers that never occur inside a name (เขต and ถนน do: สนามชัยเขต, ถนนใหญ่). */
const HARD_MARKERS = MARKERS.map((m) => m[0]).filter(
  (m) => m.endsWith('.') || ['ตำบล', 'แขวง', 'อำเภอ', 'จังหวัด'].includes(m),
);

function crossesGap(c: CompactThai, start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) {
    if (c.gapBefore[k] === 1 || HARD_MARKERS.some((m) => c.s.startsWith(m, k))) return true;
  }
  return false;
}

/** End of a marked span with no exact match: the next boundary, dot or marker (max 30). */
function spanEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && i - from < 30 && s[i] !== BOUNDARY && s[i] !== '.') {
    if (i > from && markerAt(s, i)) break;
    i++;
  }
  return i;
}

/** Scans compacted Thai text; returns mentions in text order (exact and marked-unmatched). */
export function scanThai(g: Gazetteer, c: CompactThai): Mention[] {
  const { s } = c;
  const out: Mention[] = [];
  let pending: Level | -1 | null = null;
  let weak = false;
  let coveredTo = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === BOUNDARY) continue;
    const hit = i >= coveredTo ? bestMatch(g, c, i, pending) : null;
    const marker = i >= coveredTo ? markerAt(s, i) : null;
    // After a level marker a name wins over a marker word: ต.ถนน is tambon Thanon (Mayo).
    const nameAfterMarker = hit !== null && pending !== null && pending >= 0;
    if (marker && !nameAfterMarker && (!hit || hit.end - i <= marker[0].length)) {
      pending = marker[1];
      weak = WEAK_MARKERS.has(marker[0]);
      coveredTo = i + marker[0].length;
      i = coveredTo - 1;
      continue;
    }
    if (pending !== null && pending >= 0 && i >= coveredTo) {
      const level = pending as Level;
      pending = null;
      const end = spanEnd(s, i);
      const m: Mention = hit
        ? { ids: hit.ids, level, start: i, end: hit.end, script: 'th', fuzzy: 0 }
        : { ids: [], level, start: i, end, script: 'th', fuzzy: 0 };
      if (hit && end > hit.end) m.spanEnd = end;
      if (weak) m.weakMarker = true;
      out.push(m);
      if (hit) coveredTo = hit.end;
      continue;
    }
    if (pending === -1 && i >= coveredTo) {
      // A road / lane / village name: skip it rather than read it as a place.
      pending = null;
      coveredTo = hit ? hit.end : spanEnd(s, i);
      continue;
    }
    if (hit && hit.end > coveredTo) {
      const common = COMMON_WORDS.has(s.slice(i, hit.end));
      out.push({
        ids: hit.ids,
        level: null,
        start: i,
        end: hit.end,
        script: 'th',
        fuzzy: 0,
        ...(common ? { common } : {}),
      });
      if (!common) coveredTo = hit.end;
    }
  }
  return out;
}
