import { createAlertDigestHandler } from '../alert-digest/create-alert-digest-handler.js';
import { createAlertSweeperHandler } from '../alert-sweeper/create-alert-sweeper-handler.js';
import type { AppContext } from '../composition/context.js';
import { createRecomputeHandler } from '../recompute/create-recompute-handler.js';
import { createSnapshotPublisherHandler } from '../snapshot-publisher/create-snapshot-publisher-handler.js';
import { SCHEDULES, type ScheduleKey } from '../../shared/triggers.js';
import { localLambdaContext } from './lambda-context.js';

/**
 * Timers standing in for the EventBridge schedules of `shared/triggers.ts`, with the same
 * handlers. `everyS` may shorten a period (the snapshot's `PUBLIC_SNAPSHOT_S`). Returns a
 * function that stops them.
 */
export function startSchedules(ctx: AppContext, everyS: Record<ScheduleKey, number>): () => void {
  const handlers: Record<
    ScheduleKey,
    (event: unknown, context: ReturnType<typeof localLambdaContext>) => Promise<unknown>
  > = {
    recompute: createRecomputeHandler(ctx),
    alertDigest: createAlertDigestHandler(ctx),
    alertSweeper: createAlertSweeperHandler(ctx),
    snapshotPublisher: createSnapshotPublisherHandler(ctx),
  };
  const timers = (Object.keys(SCHEDULES) as ScheduleKey[]).map((key) => {
    const name = SCHEDULES[key].consumer;
    const timer = setInterval(() => {
      handlers[key]({}, localLambdaContext(name)).catch((err: Error) =>
        ctx.log.error('scheduled job failed', { job: name, error: err.name, reason: err.message }),
      );
    }, everyS[key] * 1000);
    timer.unref();
    return timer;
  });
  return () => timers.forEach((t) => clearInterval(t));
}
