import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { sendQueuedAlert } from '../../shared/core/send-queued-alert.js';
import type { AppContext } from '../composition/context.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Send queue (SQS) → one SMS per queued alert id, one at a time, each taking at least
 * `sendIntervalMs`: with the function's reserved concurrency that holds the configured
 * messages per second (infra/constructs/send-pipeline.ts has the arithmetic). A message whose
 * send fails is already `failed` with a dead letter; a record that throws (a store error) is
 * reported as a partial batch failure, retried by SQS, then moved to the send queue's DLQ.
 */
export function createMessageSenderHandler(ctx: AppContext) {
  const processor = new BatchProcessor(EventType.SQS);
  async function processRecord(record: SQSRecord): Promise<void> {
    const started = Date.now();
    const alertId = record.body.trim();
    const outcome = await sendQueuedAlert(ctx, alertId);
    ctx.log.info('queued alert handled', { alertId, outcome });
    const rest = ctx.config.sendIntervalMs - (Date.now() - started);
    if (outcome !== 'skipped' && rest > 0) await sleep(rest);
  }
  return ctx.telemetry.wrap(async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    if (context) ctx.log.addContext?.(context);
    const response = await processPartialResponse(event, processRecord, processor, {
      context: context as Context,
      processInParallel: false,
    });
    processor.errors.forEach((err) => ctx.log.error('queued alert failed', { error: err.name, reason: err.message }));
    return response;
  });
}
