import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { publishPublicSnapshot } from '../../shared/core/public-snapshot.js';
import type { DeadLetters } from '../../shared/core/ports.js';
import { admitsKey, keyAttribute, STREAM_TRIGGERS, type StreamTriggerKey } from '../../shared/triggers.js';
import { createAlertDispatcherHandler } from '../alert-dispatcher/create-alert-dispatcher-handler.js';
import type { AppContext } from '../composition/context.js';
import { createHotspotUpdaterHandler } from '../hotspot-updater/create-hotspot-updater-handler.js';
import { createOptOutWorkerHandler } from '../opt-out-worker/create-opt-out-worker-handler.js';
import { StreamPoller } from './stream-poller.js';

/**
 * One poller per stream trigger of `shared/triggers.ts`, as the event source mappings in AWS:
 * the same batch size, batching window, retries and key filter, and records given up land in the local
 * failure queue with their keys and the reason. With `PUBLIC_SNAPSHOT_S=0` the snapshot is
 * published after every batch that changed hotspots.
 */
export function startStreamPollers(opts: {
  ctx: AppContext;
  ddb: DynamoDBClient;
  endpoint: string;
  deadLetters: DeadLetters;
  /** Folder of the checkpoint files; absent keeps them in memory. */
  dataDir?: string;
}): StreamPoller[] {
  const { ctx } = opts;
  const publishOnChange =
    ctx.config.publicSnapshotEveryS === 0 ? async () => void (await publishPublicSnapshot(ctx)) : undefined;
  const handlers = {
    tips: createHotspotUpdaterHandler(ctx, { afterChange: publishOnChange }),
    hotspots: createAlertDispatcherHandler(ctx),
    optOuts: createOptOutWorkerHandler(ctx),
  };
  const giveUp = (stream: StreamTriggerKey) => async (records: DynamoDBRecord[], reason: string) => {
    await opts.deadLetters.put({
      kind: 'stream',
      stream,
      sequenceNumbers: records.map((r) => r.dynamodb?.SequenceNumber ?? ''),
      keys: records.map((r) => String(r.dynamodb?.Keys?.id?.S ?? '')),
      reason,
      failedAt: ctx.clock.now(),
    });
  };
  const pollers = (Object.keys(STREAM_TRIGGERS) as StreamTriggerKey[]).map((key) => {
    const trigger = STREAM_TRIGGERS[key];
    return new StreamPoller({
      name: trigger.consumer,
      ddb: opts.ddb,
      endpoint: opts.endpoint,
      tableName: ctx.config.tables[trigger.table],
      handler: handlers[key],
      batchSize: trigger.batchSize,
      maxBatchingWindowMs: trigger.maxBatchingWindowS * 1000,
      maxRetries: trigger.retryAttempts,
      admits: (record) => admitsKey(trigger, String(record.dynamodb?.Keys?.[keyAttribute(trigger)]?.S ?? '')),
      checkpointFile: opts.dataDir ? `${opts.dataDir}/checkpoints-${key}.json` : undefined,
      onFailure: giveUp(key),
    });
  });
  pollers.forEach((p) => p.start());
  return pollers;
}

/** Resolves once every poller has found nothing new three passes in a row (tests wait on it). */
export async function settledPollers(pollers: StreamPoller[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietPasses = 0;
  while (quietPasses < 3) {
    if (Date.now() > deadline) throw new Error('stream pollers did not settle');
    await new Promise((r) => setTimeout(r, 150));
    quietPasses = pollers.every((p) => p.isIdle) ? quietPasses + 1 : 0;
  }
}
