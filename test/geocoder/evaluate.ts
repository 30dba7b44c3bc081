/**
 * Scores the geocoder on the fixture cases (`test/fixtures/geocoder`): a case is correct
 * when the precision equals the expected level and the code at that level matches.
 * Shared by the accuracy test and `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geocode, type Gazetteer } from '../../shared/geocoder/index.js';
import type { GeocodeResult } from '../../shared/types.js';
import type { GeocoderCase } from '../fixtures/geocoder/case.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'geocoder');

/** A case with the split it belongs to: `dev` (tuned on) or `holdout` (never tuned on). */
export type SplitCase = GeocoderCase & {
  split: 'dev' | 'holdout';
  /** From `fresh.json`: written after tuning stopped (also counted in `holdout`). */
  fresh?: boolean;
};

/** Every fixture case, tagged with its split. */
export function loadCases(): SplitCase[] {
  const read = (f: string): GeocoderCase[] => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'));
  return [
    ...read('cases.dev.json').map((c) => ({ ...c, split: 'dev' as const })),
    ...read('cases.holdout.json').map((c) => ({ ...c, split: 'holdout' as const })),
    ...(read('handwritten.json') as SplitCase[]),
    ...(read('fresh.json') as SplitCase[]).map((c) => ({ ...c, fresh: true })),
    ...(read('fresh2.json') as SplitCase[]).map((c) => ({ ...c, fresh: true })),
    ...(read('fresh3.json') as SplitCase[]).map((c) => ({ ...c, fresh: true })),
  ];
}

function codeAt(r: GeocodeResult): string | undefined {
  if (r.precision === 'tambon') return r.admin?.tambonCode;
  if (r.precision === 'amphoe') return r.admin?.amphoeCode;
  if (r.precision === 'province') return r.admin?.provinceCode;
  return undefined;
}

/** Whether the result answers the case. */
export function isCorrect(c: GeocoderCase, r: GeocodeResult): boolean {
  if (c.level === 'none') return r.precision === 'none';
  return r.precision === c.level && codeAt(r) === c.code;
}

/** Accuracy per style (and overall) over the given cases. */
export interface Score {
  total: number;
  correct: number;
  byStyle: Map<string, { total: number; correct: number }>;
  failures: Array<{ c: SplitCase; r: GeocodeResult }>;
}

/** Geocodes every case and tallies the results. */
export function evaluate(g: Gazetteer, cases: SplitCase[]): Score {
  const score: Score = { total: 0, correct: 0, byStyle: new Map(), failures: [] };
  for (const c of cases) {
    const r = geocode(g, c.q);
    const ok = isCorrect(c, r);
    const s = score.byStyle.get(c.style) ?? { total: 0, correct: 0 };
    s.total++;
    score.total++;
    if (ok) {
      s.correct++;
      score.correct++;
    } else score.failures.push({ c, r });
    score.byStyle.set(c.style, s);
  }
  return score;
}
