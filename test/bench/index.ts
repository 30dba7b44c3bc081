/**
 * `npm run bench`: every area's benchmark in one run on this machine, printed as one
 * table with the target and whether it was met. Ratios compare against baselines
 * measured in the same run, never against remembered figures.
 */
import os from 'node:os';
import type { BenchModule, BenchRow } from './types.js';

const AREAS: Array<[string, () => Promise<BenchModule>]> = [
  ['geocoder', () => import('./geocoder.bench.js')],
  ['hotspots', () => import('./hotspots.bench.js')],
  ['alerts', () => import('./alerts.bench.js')],
  ['web', () => import('./web.bench.js')],
  ['intake', () => import('./intake.bench.js')],
];

function fmt(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

function print(rows: BenchRow[]): void {
  const table = rows.map((r) => [
    r.area,
    r.metric,
    `${fmt(r.value)} ${r.unit}`,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
    r.note ?? '',
  ]);
  const head = ['area', 'metric', 'measured', 'target', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(
    `Phithak bench: node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, ${new Date().toISOString()}\n`,
  );
  const rows: BenchRow[] = [];
  let failed = false;
  for (const [area, load] of AREAS) {
    if (only.length && !only.includes(area)) continue;
    const started = performance.now();
    try {
      rows.push(...(await (await load()).run()));
    } catch (err) {
      failed = true;
      rows.push({ area, metric: 'error', value: 0, unit: '', note: (err as Error).message });
    }
    console.error(`[bench] ${area} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log('');
  print(rows);
  if (failed) process.exitCode = 1;
}

main().catch((err: Error) => {
  console.error(err);
  process.exitCode = 1;
});
