import type { Context, SNSEvent, SNSEventRecord } from 'aws-lambda';
import { recordDeliveryReceipt } from '../../shared/core/record-delivery-receipt.js';
import type { AppContext } from '../composition/context.js';
import { parseDeliveryEvent, UnreadableEventError } from '../lib/eum-delivery-events.js';

/**
 * End User Messaging delivery events (SNS topic of the configuration set) → `delivered` or
 * `undelivered` on the alert, and the receipt counts and price as metrics (the delivery
 * failure-rate and SMS spend alarms read them). An unreadable event is logged and dropped; a
 * store error fails the invocation, which SNS's asynchronous invoke retries, then sends to
 * the function's failure destination.
 */
export function createDeliveryReceiptsHandler(ctx: AppContext) {
  async function processRecord(record: SNSEventRecord): Promise<void> {
    let parsed: ReturnType<typeof parseDeliveryEvent>;
    try {
      parsed = parseDeliveryEvent(record);
    } catch (err) {
      if (!(err instanceof UnreadableEventError)) throw err;
      ctx.log.warn('delivery event dropped', { reason: err.message });
      return;
    }
    if (parsed.priceUsd > 0) ctx.telemetry.count('SmsSpendUsd', parsed.priceUsd);
    if (!parsed.receipt) return;
    const outcome = await recordDeliveryReceipt(ctx, parsed.receipt);
    ctx.telemetry.count(parsed.receipt.status === 'delivered' ? 'ReceiptsDelivered' : 'ReceiptsUndelivered');
    ctx.log.info('delivery receipt', { alertId: parsed.receipt.alertId, code: parsed.receipt.code, outcome });
  }
  return ctx.telemetry.wrap(async (event: SNSEvent, context?: Context): Promise<void> => {
    if (context) ctx.log.addContext?.(context);
    for (const record of event.Records) await processRecord(record);
  });
}
