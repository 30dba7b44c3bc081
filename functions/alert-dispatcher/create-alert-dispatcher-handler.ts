import { BatchProcessor, EventType, FullBatchFailureError, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { triggerFor } from '../../shared/alerts/policy.js';
import { dispatchHotspotAlert } from '../../shared/core/dispatch-hotspot-alert.js';
import { isPublicHotspot } from '../../shared/public-hotspots/index.js';
import type { HotspotSummary } from '../../shared/types.js';
import type { AppContext } from '../composition/context.js';
import { fromHotspotItem } from '../lib/dynamo-hotspot-store.js';
import { isMemberPageId } from '../lib/member-pages.js';
import { itemOfImage } from '../lib/stream-image.js';

/** A record whose images cannot be read: retrying cannot help, so it goes to the failure queue at once. */
class UnreadableRecordError extends Error {
  override name = 'UnreadableRecordError';
}

function hotspotOf(image: Record<string, AttributeValue> | undefined): HotspotSummary | undefined {
  if (!image) return undefined;
  try {
    return fromHotspotItem(itemOfImage(image));
  } catch (err) {
    throw new UnreadableRecordError(`the stream image is not a hotspot: ${(err as Error).message}`);
  }
}

const hotspotIdOf = (r: DynamoDBRecord) => String(r.dynamodb?.Keys?.id?.S ?? '');

/**
 * Hotspots stream → alerts to the volunteers whose circle covers the hotspot. A record that
 * fails is logged with its reason and reported as a partial batch failure, so it is retried
 * and, once retries are exhausted, lands in the failure queue; the conditional claims make a
 * retry send only what did not go the first time.
 */
export function createAlertDispatcherHandler(ctx: AppContext) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);

  async function processRecord(record: DynamoDBRecord): Promise<void> {
    // Member pages share the table (and its stream) with the hotspots: they alert nobody. The
    // event source mapping's key filter drops them already; this holds without it.
    if (isMemberPageId(hotspotIdOf(record))) return;
    let before: HotspotSummary | undefined;
    let after: HotspotSummary | undefined;
    try {
      before = hotspotOf(record.dynamodb?.OldImage);
      after = hotspotOf(record.dynamodb?.NewImage);
    } catch (err) {
      const reason = (err as Error).message;
      ctx.log.error('hotspot record given up', { hotspotId: hotspotIdOf(record), reason });
      await ctx.deadLetters.put({
        kind: 'stream',
        stream: 'hotspots',
        sequenceNumbers: [record.dynamodb?.SequenceNumber ?? ''],
        keys: [hotspotIdOf(record)],
        reason,
        failedAt: ctx.clock.now(),
      });
      return;
    }
    const trigger = triggerFor(before, after, isPublicHotspot);
    if (!after || !trigger) return;
    const summary = await dispatchHotspotAlert(ctx, after, trigger);
    ctx.log.info('alerts dispatched', {
      hotspotId: after.id,
      reason: trigger.reason,
      riskLevel: trigger.riskLevel,
      ...summary,
    });
  }

  /** Every failed record with its reason: a failure without one is a failure nobody can act on. */
  function logFailures(records: DynamoDBRecord[], errors: Error[]): void {
    records.forEach((record, i) => {
      ctx.log.error('hotspot record failed', {
        hotspotId: hotspotIdOf(record),
        sequenceNumber: record.dynamodb?.SequenceNumber,
        error: errors[i]?.name,
        reason: errors[i]?.message,
      });
    });
  }

  return ctx.telemetry.wrap(async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
    if (context) ctx.log.addContext?.(context);
    try {
      const response = await processPartialResponse(event, processRecord, processor, { context: context as Context });
      if (response.batchItemFailures.length) {
        logFailures(processor.failureMessages as DynamoDBRecord[], processor.errors);
      }
      return response;
    } catch (err) {
      if (err instanceof FullBatchFailureError) logFailures(event.Records, err.recordErrors);
      throw err;
    }
  });
}
