/**
 * Issue 12, "data that scales": the full recomputation of a 1,000,000-tip window (time and
 * peak memory, each in a process of its own, against the object path in the same run), the
 * largest item the store would write for it, and the busiest partition key when 1,000 tips
 * a second arrive (against the constant keys before, in the same model).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { recomputeHotspots } from '../../shared/hotspots/index.js';
import type { ClusterTip } from '../../shared/types.js';
import type { BenchRow } from './types.js';
import { modelWrites } from './write-model.js';

const AREA = 'hotspots';
const NOW = '2026-11-25T12:00:00.000Z';
const WINDOW_TIPS = 1_000_000;
const KB = 1024;

interface ChildResult {
  ms: number;
  /** CPU time (user + system) of the timed run: the wall time on a machine nobody else uses. */
  cpuMs: number;
  peakRssMb: number;
  hotspots: number;
  members: number;
  sizes?: { hotspot: number; page: number; inlineList: number };
}

/** Runs recompute-child.ts in a fresh Node process (same loader and flags) and reads its line. */
function child(mode: 'streamed' | 'objects', n: number): Promise<ChildResult> {
  const script = fileURLToPath(new URL('./recompute-child.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const proc = fork(script, [mode, String(n)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as ChildResult);
      else reject(new Error(`recompute-child ${mode} exited with ${code}: ${out.slice(-300)}`));
    });
  });
}

async function recomputeRows(): Promise<BenchRow[]> {
  const base = await child('objects', WINDOW_TIPS);
  const ours = await child('streamed', WINDOW_TIPS);
  const sizes = ours.sizes as NonNullable<ChildResult['sizes']>;
  const largest = Math.max(sizes.hotspot, sizes.page);
  const n = WINDOW_TIPS.toLocaleString('en-US');
  return [
    {
      area: AREA,
      metric: `full recomputation, ${n}-tip window`,
      value: ours.ms / 1000,
      unit: 's',
      target: '<= 20 s',
      pass: ours.ms <= 20_000,
      note: `CPU ${(ours.cpuMs / 1000).toFixed(1)} s; streamed in pages into columns, hotspots already stored; window held as objects: ${(base.ms / 1000).toFixed(1)} s, CPU ${(base.cpuMs / 1000).toFixed(1)} s (same run); ${ours.hotspots} hotspots, the largest ${ours.members.toLocaleString('en-US')} members`,
    },
    {
      area: AREA,
      metric: `peak memory, recomputation of ${n} tips`,
      value: ours.peakRssMb,
      unit: 'MB',
      target: '< 700 MB',
      pass: ours.peakRssMb < 700,
      note: `peak RSS of its own process (Node and tsx included); window held as objects: ${base.peakRssMb.toFixed(0)} MB (same run)`,
    },
    {
      area: AREA,
      metric: `largest stored item, ${n}-tip window`,
      value: largest / KB,
      unit: 'KB',
      target: '< 64 KB',
      pass: largest < 64 * KB,
      note: `hotspot item ${(sizes.hotspot / KB).toFixed(1)} KB, member page ${(sizes.page / KB).toFixed(1)} KB (adapter's item functions, marshalled, UUID ids); members in the item as before: ${(sizes.inlineList / KB / KB).toFixed(1)} MB (limit 400 KB)`,
    },
  ];
}

function writeRows(pool: ClusterTip[]): BenchRow[] {
  const hotspots = recomputeHotspots({ tips: pool, existing: [], now: NOW }).upserts;
  const seconds = Number(process.env.BENCH_DAY_S ?? 86_400);
  const t0 = performance.now();
  const { sharded: now, constant: before } = modelWrites({
    pool,
    hotspots,
    seconds,
    tipsPerSecond: 1000,
    streamShards: 4,
  });
  const ms = performance.now() - t0;
  return [
    {
      area: AREA,
      metric: 'busiest partition key, 1,000 tips/s',
      value: now.maxPerSecond,
      unit: 'writes/s',
      target: '<= 1,000 writes/s',
      pass: now.maxPerSecond <= 1000,
      note: `${now.busiest}; ${seconds.toLocaleString('en-US')} s simulated (a day at a flat rate; BENCH_DAY_S sets fewer), ${(now.writes / 1e6).toFixed(1)} M writes in ${(ms / 1000).toFixed(0)} s; constant keys as before: ${before.maxPerSecond} writes/s (${before.busiest})`,
    },
  ];
}

/** The issue 12 rows; `pool` is the bench's clumpy tips, the places new tips arrive at. */
export async function dataScaleRows(pool: ClusterTip[]): Promise<BenchRow[]> {
  return [...(await recomputeRows()), ...writeRows(pool)];
}
