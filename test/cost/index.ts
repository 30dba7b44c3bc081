/**
 * `npm run cost`: measures a sample of tips on the real local stack (test/cost/measure.ts),
 * scales the counts to 1,000, 100,000 and 10,000,000 tips a month (model.ts) at the unit
 * prices of infra/cost/unit-prices.ts, and prints the table docs/deploy.md shows. It lives in
 * test/ beside the bench: it drives the local system from outside, as the tests do, and ships
 * in no bundle.
 */
import { UNIT_PRICES } from '../../infra/cost/unit-prices.js';
import type { Counts } from './counters.js';
import { measure } from './measure.js';
import { monthlyCost, type CostLine } from './model.js';

const SAMPLE_TIPS = Number(process.env.COST_SAMPLE_TIPS ?? 400);
const VOLUMES = [1_000, 100_000, 10_000_000];

const usd = (v: number) => (v >= 100 ? `$${Math.round(v).toLocaleString('en-US')}` : `$${v.toFixed(2)}`);
const num = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(2));

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (i ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

function perTip(c: Counts, tips: number): string[][] {
  const rows: string[][] = [['API requests', num(c.apiRequests / tips)]];
  for (const [fn, n] of Object.entries(c.invocations)) {
    rows.push([`${fn}: invocations, ms`, `${num(n / tips)}, ${num((c.lambdaMs[fn] ?? 0) / tips)}`]);
  }
  for (const t of new Set([...Object.keys(c.readUnits), ...Object.keys(c.writeUnits)])) {
    rows.push([
      `${t}: read, write units`,
      `${num((c.readUnits[t] ?? 0) / tips)}, ${num((c.writeUnits[t] ?? 0) / tips)}`,
    ]);
  }
  rows.push(['SMS messages, parts', `${num(c.smsMessages / tips)}, ${num(c.smsParts / tips)}`]);
  rows.push(['pseudonyms (KMS GenerateMac)', num(c.macs / tips)]);
  return rows;
}

async function main(): Promise<void> {
  const started = performance.now();
  const m = await measure(SAMPLE_TIPS);
  console.log(
    `Phithak monthly AWS cost (ap-southeast-1), from ${m.tips} sample tips and ${m.volunteers} volunteers on the local stack`,
  );
  console.log(
    `measured in ${((performance.now() - started) / 1000).toFixed(0)} s; unit prices as of ${UNIT_PRICES.apiRequest.asOf} (infra/cost/unit-prices.ts)\n`,
  );
  const costs = VOLUMES.map((v) => monthlyCost(m, v));
  const lines = Object.keys(costs[0]!) as CostLine[];
  const rows = lines.map((line) => [line, ...costs.map((c) => usd(c[line]))]);
  rows.push(['Total', ...costs.map((c) => usd(Object.values(c).reduce((a, b) => a + b, 0)))]);
  console.log(table(['tips a month', ...VOLUMES.map((v) => v.toLocaleString('en-US'))], rows));
  console.log('\nMeasured per tip (tip, stream work, alerts, sends, receipts, coordinator reads):\n');
  console.log(table(['count', 'per tip'], perTip(m.perSample, m.tips)));
  console.log('\nPer scheduled run (at the sample’s data; recompute and snapshot scale with a month of tips):\n');
  const runRows = Object.entries(m.perScheduleRun).map(([k, c]) => {
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    return [k, num(Object.values(c.lambdaMs)[0] ?? 0), num(sum(c.readUnits)), num(sum(c.writeUnits))];
  });
  console.log(table(['schedule', 'ms', 'read units', 'write units'], runRows));
}

main().catch((err: Error) => {
  console.error(`[cost] ${err.stack ?? err.message}`);
  process.exit(1);
});
