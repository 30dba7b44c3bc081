/**
 * The load side of the intake bench: a fixed number of tasks run by a fixed number of workers
 * (the concurrency), each task timed from its start to its answer.
 */

/** What a run of tasks measured. */
export interface LoadResult {
  /** Tasks per second over the whole run (first start to last answer). */
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  wallMs: number;
  /** Tasks whose answer was not the expected one. */
  failures: number;
}

/** The `q` quantile of `xs` (nearest rank). */
export const quantile = (xs: number[], q: number): number =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : Number.NaN;

/** Runs `count` tasks, `concurrency` at a time; a task returns whether its answer was right. */
export async function runLoad(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      const ok = await task(i).catch(() => false);
      latencies.push(performance.now() - t);
      if (!ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  return {
    perSecond: (count / wallMs) * 1000,
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    wallMs,
    failures,
  };
}
