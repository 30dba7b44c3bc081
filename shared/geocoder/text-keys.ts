/**
 * Lookup keys for Thai and romanised place names. Keys are computed once per name when
 * the gazetteer loads and once per query, so both sides meet in the same spelling space.
 */

/** Thai tone marks, thanthakhat and maitaikhu: often dropped or misplaced when typing. */
const THAI_DIACRITICS = /[\u0e47-\u0e4c]/g;
/** Characters that never carry meaning inside a name: spaces, hyphens, dots, zero-widths. */
const NAME_NOISE = /[\s\-‐-―.'’()\u200b-\u200d\ufeff]/g;
const NEEDS_CLEANING = /[\s\-‐-―.'’()\u200b-\u200d\ufeff\u0e4d]/;
/** Nikhahit + sara aa, a common way of typing sara am (ำ). */
const SPLIT_SARA_AM = /\u0e4d\u0e32/g;

/** Compact Thai key: NFC, sara am unified, no spaces, hyphens or dots. */
export function thaiKey(name: string): string {
  const nfc = name.normalize('NFC');
  // Fast path for clean names (most gazetteer names): nothing to replace.
  if (!NEEDS_CLEANING.test(nfc)) return nfc;
  return nfc.replace(SPLIT_SARA_AM, '\u0e33').replace(NAME_NOISE, '');
}

/** Thai key without tone marks: the trie works on this so tone-mark typos still match. */
export function thaiSkeleton(name: string): string {
  return thaiKey(name).replace(THAI_DIACRITICS, '');
}

/**
 * Rewrites applied in order to one lower-case a-z word. They fold the spelling variants of
 * RTGS, older romanisations and Malay/English habits onto one key: aspirates (kh/ph/th/ch),
 * j for จ, ue/eu for ึ/ื, ee/oo for long vowels, ae/e for แ, v for ว. Words are folded one
 * by one so a query's words can be folded once and joined into any n-gram.
 */
const LATIN_FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/kh/g, 'k'],
  [/ph/g, 'p'],
  [/th/g, 't'],
  [/ch/g, 'c'],
  [/sh/g, 's'],
  [/j/g, 'c'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
  [/ae/g, 'e'],
  [/ue|eu/g, 'u'],
  [/v/g, 'w'],
];
const DOUBLED = /([a-z])\1+/g;

/** Folds one word (lower-case letters a-z only). */
export function foldLatinWord(word: string): string {
  let k = word;
  for (const [re, to] of LATIN_FOLDS) k = k.replace(re, to);
  return k;
}

/** Joins folded words into a key; doubled letters collapse ("Pattani" = "Patani"). */
export function joinFolded(folded: readonly string[]): string {
  return folded.join('').replace(DOUBLED, '$1');
}

/** Splits any text into lower-case a-z words, accents removed. */
export function latinWordsOf(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** Folded romanised key of a name: accents removed, words folded, joined, doubles collapsed. */
export function latinKey(name: string): string {
  return joinFolded(latinWordsOf(name).map(foldLatinWord));
}

/** True when the string contains Thai script. */
export function hasThai(text: string): boolean {
  return /[\u0e00-\u0e7f]/.test(text);
}
