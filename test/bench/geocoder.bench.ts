/**
 * Geocoder figures for `npm run bench`: accuracy per style on the fixture set (held-out
 * and development split apart), forward geocodes per second on one core, and the time to
 * load the index (read + parse + build lookup maps) in a fresh child process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureGazetteerIndex } from '../../functions/cli/build-gazetteer.js';
import { createGazetteer, geocode, type Gazetteer } from '../../shared/geocoder/index.js';
import { evaluate, loadCases } from '../geocoder/evaluate.js';
import type { BenchRow } from './types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pct = (c: number, t: number): number => Math.round((1000 * c) / t) / 10;

function accuracyRows(g: Gazetteer): BenchRow[] {
  const cases = loadCases();
  const rows: BenchRow[] = [];
  for (const split of ['holdout', 'dev'] as const) {
    const s = evaluate(
      g,
      cases.filter((c) => c.split === split),
    );
    rows.push({
      area: 'geocoder',
      metric: `accuracy, ${split === 'holdout' ? 'never-seen (held-out)' : 'development'} cases`,
      value: pct(s.correct, s.total),
      unit: '%',
      target: '>= 97 %',
      pass: s.correct / s.total >= 0.97,
      note: `${s.correct}/${s.total}`,
    });
  }
  const fresh = evaluate(
    g,
    cases.filter((c) => c.fresh),
  );
  rows.push({
    area: 'geocoder',
    metric: 'accuracy, cases written after tuning stopped',
    value: pct(fresh.correct, fresh.total),
    unit: '%',
    note: `${fresh.correct}/${fresh.total} (part of the held-out set)`,
  });
  const all = evaluate(g, cases);
  for (const [style, s] of [...all.byStyle].sort()) {
    rows.push({
      area: 'geocoder',
      metric: `accuracy: ${style}`,
      value: pct(s.correct, s.total),
      unit: '%',
      note: `${s.correct}/${s.total}`,
    });
  }
  return rows;
}

function throughputRow(g: Gazetteer): BenchRow {
  const queries = loadCases().map((c) => c.q);
  for (const q of queries) geocode(g, q); // warm-up: JIT and lazy caches
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < 2000) {
    for (const q of queries) geocode(g, q);
    n += queries.length;
  }
  const perSecond = Math.round(n / ((performance.now() - started) / 1000));
  return {
    area: 'geocoder',
    metric: 'forward geocodes per second (one core, fixture mix)',
    value: perSecond,
    unit: '/s',
    target: '>= 10000 /s',
    pass: perSecond >= 10_000,
    note: `${queries.length} queries cycled for 2 s`,
  };
}

/** Cold load in a fresh process: read, JSON.parse and createGazetteer; median of 7. */
function loadRow(indexPath: string): BenchRow {
  const script =
    `import { readFileSync } from 'node:fs';` +
    `import { createGazetteer } from ${JSON.stringify(join(ROOT, 'shared/geocoder/index.ts'))};` +
    `const t = performance.now(); createGazetteer(JSON.parse(readFileSync(${JSON.stringify(indexPath)}, 'utf8')));` +
    `console.log(performance.now() - t);`;
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    runs.push(Number(out.trim()));
  }
  runs.sort((a, b) => a - b);
  const ms = Math.round(runs[3] * 10) / 10;
  return {
    area: 'geocoder',
    metric: 'index load (cold process)',
    value: ms,
    unit: 'ms',
    target: '<= 150 ms',
    pass: ms <= 150,
    note: `median of 7 cold processes (min ${Math.round(runs[0])} ms, max ${Math.round(runs[6])} ms)`,
  };
}

/** Bench entry called by `test/bench/index.ts`. */
export async function run(): Promise<BenchRow[]> {
  const indexPath = await ensureGazetteerIndex();
  const g = createGazetteer(JSON.parse(readFileSync(indexPath, 'utf8')));
  return [...accuracyRows(g), throughputRow(g), loadRow(indexPath)];
}
