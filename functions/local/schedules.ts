import { localLambdaContext } from './lambda-context.js';

/** Minutes between runs, as the EventBridge rules in infra/ (rate(15 minutes)). */
const EVERY_MS = 15 * 60 * 1000;

/**
 * Timers standing in for EventBridge schedules: the full hotspot recomputation (and, when
 * present, the quiet-hours digest). Returns a function that stops them.
 */
export async function startSchedules(): Promise<() => void> {
  const jobs: Array<{ name: string; run: () => Promise<unknown> }> = [];
  const recompute = await import('../recompute/handler.js');
  jobs.push({ name: 'recompute', run: () => recompute.handler({}, localLambdaContext('recompute')) });
  const digest = await import('../alert-digest/handler.js');
  jobs.push({ name: 'alert-digest', run: () => digest.handler({}, localLambdaContext('alert-digest')) });
  const timers = jobs.map((job) =>
    setInterval(() => {
      job.run().catch((err: Error) => console.error(`[${job.name}] failed: ${err.message}`));
    }, EVERY_MS),
  );
  timers.forEach((t) => t.unref());
  return () => timers.forEach((t) => clearInterval(t));
}
