import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { handleOptOutRequest } from '../../shared/core/public-opt-out.js';
import type { AppContext } from '../composition/context.js';
import { optOutRequestOf } from '../lib/dynamo-opt-out-store.js';
import { itemOfImage } from '../lib/stream-image.js';

/**
 * Opt-out requests stream → a one-time confirmation SMS to numbers that belong to active
 * volunteers, after the public answer. A failed record is logged with its reason and retried;
 * once retries are exhausted it lands in the failure queue.
 */
export function createOptOutWorkerHandler(ctx: AppContext) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  async function processRecord(record: DynamoDBRecord): Promise<void> {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return;
    const request = optOutRequestOf(itemOfImage(record.dynamodb.NewImage));
    if (!request) return;
    const outcome = await handleOptOutRequest(ctx, request);
    // Never the number: the request id and what happened.
    ctx.log.info('public opt-out handled', { requestId: request.id, outcome });
  }
  return async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
    if (context) ctx.log.addContext?.(context);
    const response = await processPartialResponse(event, processRecord, processor, { context: context as Context });
    processor.errors.forEach((err) =>
      ctx.log.error('opt-out request failed', { error: err.name, reason: err.message }),
    );
    return response;
  };
}
