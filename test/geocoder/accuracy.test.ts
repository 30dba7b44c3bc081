import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../shared/geocoder/index.js';
import { evaluate, loadCases } from './evaluate.js';
import { realGazetteer } from './real-gazetteer.js';

/** Issue #3 target: at least 97% on addresses the code has never seen. */
const TARGET = 0.97;

let g: Gazetteer;
beforeAll(async () => {
  g = await realGazetteer();
}, 60_000);

describe('geocoder accuracy on the fixture set', () => {
  const cases = loadCases();

  it('has at least 300 cases over every style, with a held-out part', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(cases.filter((c) => c.split === 'holdout').length).toBeGreaterThanOrEqual(150);
    const styles = new Set(cases.map((c) => c.style));
    for (const s of [
      'thai-full',
      'thai-abbrev',
      'thai-nospace',
      'thai-typo',
      'romanised',
      'bangkok',
      'story',
      'malay',
      'colloquial',
      'mueang',
      'no-place',
    ]) {
      expect(styles).toContain(s);
    }
  });

  it(`reaches ${TARGET * 100}% on the held-out cases (never tuned on)`, () => {
    const s = evaluate(
      g,
      cases.filter((c) => c.split === 'holdout'),
    );
    const failures = s.failures.map((f) => `${f.c.style}: ${f.c.q} -> ${f.r.precision} ${JSON.stringify(f.r.admin)}`);
    expect(s.correct / s.total, failures.join('\n')).toBeGreaterThanOrEqual(TARGET);
  });

  it('reaches the target on the development cases too', () => {
    const s = evaluate(
      g,
      cases.filter((c) => c.split === 'dev'),
    );
    expect(s.correct / s.total).toBeGreaterThanOrEqual(TARGET);
  });

  it('never places text that names no place', () => {
    const s = evaluate(
      g,
      cases.filter((c) => c.level === 'none'),
    );
    expect(s.failures.map((f) => f.c.q)).toEqual([]);
  });
});
