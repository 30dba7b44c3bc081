import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { updateHotspots } from '../../shared/core/update-hotspots.js';
import type { ClusterTip } from '../../shared/types.js';
import type { AppContext } from '../composition/context.js';
import { toClusterTip, type TipItem } from '../lib/dynamo-tip-store.js';
import { itemOfImage } from '../lib/stream-image.js';

interface Changed {
  tips: ClusterTip[];
  /** Sequence numbers of the records of each tip id (a tip may change twice in a batch). */
  records: Map<string, string[]>;
  unreadable: DynamoDBRecord[];
}

/** The clusterable tips a batch changed (the latest image of each), and the records that could not be read. */
function changedTips(records: DynamoDBRecord[]): Changed {
  const tips = new Map<string, ClusterTip>();
  const seqs = new Map<string, string[]>();
  const unreadable: DynamoDBRecord[] = [];
  for (const record of records) {
    const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
    if (!image) continue;
    let tip: TipItem;
    try {
      tip = itemOfImage(image) as unknown as TipItem;
    } catch {
      unreadable.push(record);
      continue;
    }
    if (!tip.cell || tip.lat === undefined || tip.lon === undefined) continue;
    // A tip deleted (its retention ran out) leaves its hotspot, as a dismissed one does.
    tips.set(tip.id, toClusterTip(record.eventName === 'REMOVE' ? { ...tip, status: 'dismissed' } : tip));
    seqs.set(tip.id, [...(seqs.get(tip.id) ?? []), record.dynamodb?.SequenceNumber ?? '']);
  }
  return { tips: [...tips.values()], records: seqs, unreadable };
}

/** Options of the updater handler. */
export interface HotspotUpdaterOptions {
  /** Called after a batch changed hotspots (the local host publishes the snapshot when `PUBLIC_SNAPSHOT_S=0`). */
  afterChange?: () => Promise<void>;
}

/**
 * Tips stream → hotspots: the batch is split into neighbourhoods, each re-clustered with
 * capped work. A neighbourhood over its cap, or a record that cannot be read, goes to the
 * failure queue with its reason at once (retrying cannot help it); any other failure fails the
 * batch, and the event source mapping retries it (the upserts are idempotent).
 */
export function createHotspotUpdaterHandler(ctx: AppContext, options: HotspotUpdaterOptions = {}) {
  return ctx.telemetry.wrap(async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
    if (context) ctx.log.addContext?.(context);
    const changed = changedTips(event.Records);
    const failedAt = ctx.clock.now();
    for (const record of changed.unreadable) {
      const reason = 'the stream image could not be read as a tip';
      ctx.log.error('tip record given up', { sequenceNumber: record.dynamodb?.SequenceNumber, reason });
      await ctx.deadLetters.put({
        kind: 'stream',
        stream: 'tips',
        sequenceNumbers: [record.dynamodb?.SequenceNumber ?? ''],
        keys: [String(record.dynamodb?.Keys?.id?.S ?? '')],
        reason,
        failedAt,
      });
    }
    if (!changed.tips.length) return { batchItemFailures: [] };
    const result = await updateHotspots(ctx, changed.tips, ctx.config.hotspotWorkLimits);
    for (const { tipIds, reason } of result.rejected) {
      ctx.log.error('neighbourhood given up', { tips: tipIds.length, reason });
      await ctx.deadLetters.put({
        kind: 'stream',
        stream: 'tips',
        sequenceNumbers: tipIds.flatMap((id) => changed.records.get(id) ?? []),
        keys: tipIds,
        reason,
        failedAt,
      });
    }
    ctx.log.info('hotspots updated', {
      tips: changed.tips.length,
      neighbourhoods: result.neighbourhoods,
      upserts: result.upserts,
      retired: result.retired,
      rejected: result.rejected.length,
    });
    if (result.upserts + result.retired > 0) await options.afterChange?.();
    return { batchItemFailures: [] };
  });
}
