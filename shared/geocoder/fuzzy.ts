/**
 * Typo tolerance: bounded edit distance between a name and the best-fitting prefix
 * of a text span ("ต.โคกเคยนมีเด็ก" still finds โคกเคียน), with early exit once every
 * cell of a row exceeds the bound. Work is O(len(name) x len(span)) per candidate.
 */

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Smallest edit distance (Levenshtein plus adjacent transposition, "optimal string
 * alignment") between `name` and any prefix of `span`, or `maxDist + 1` when it exceeds
 * `maxDist`. Strings of 64 characters or more never match.
 */
export function prefixDistance(name: string, span: string, maxDist: number): number {
  const n = name.length;
  const m = Math.min(span.length, n + maxDist);
  if (n >= 64 || m >= 64) return maxDist + 1;
  let prev2 = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const a = name.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const b = span.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a === b ? 0 : 1));
      if (i > 1 && j > 1 && a === span.charCodeAt(j - 2) && name.charCodeAt(i - 2) === b) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > maxDist) return maxDist + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  let best = maxDist + 1;
  for (let j = Math.max(0, n - maxDist); j <= m; j++) if (prev[j] < best) best = prev[j];
  return best;
}

/** Edits allowed for a name of `length` characters: none below 4, 1 up to 7, then 2. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Candidate for fuzzy lookup: a place index and its key in the same space as the span. */
export interface FuzzyEntry {
  id: number;
  key: string;
}

/** Result of a fuzzy lookup: every entry at the best distance, with the matched key length. */
export interface FuzzyHit {
  ids: number[];
  dist: number;
  length: number;
}

/**
 * Best fuzzy matches of `span` among `entries` (only names long enough to allow an edit):
 * every entry at the smallest distance found, with that distance.
 */
export function fuzzyLookup(
  entries: readonly FuzzyEntry[],
  span: string,
  accept: (id: number) => boolean = () => true,
): FuzzyHit | null {
  let best: FuzzyHit | null = null;
  for (const e of entries) {
    const maxD = allowedEdits(e.key.length);
    if (maxD === 0 || e.key.length > span.length + maxD || !accept(e.id)) continue;
    const d = prefixDistance(e.key, span, maxD);
    if (d > maxD) continue;
    if (!best || d < best.dist || (d === best.dist && e.key.length > best.length)) {
      best = { ids: [e.id], dist: d, length: e.key.length };
    } else if (d === best.dist && e.key.length === best.length) best.ids.push(e.id);
  }
  return best;
}
