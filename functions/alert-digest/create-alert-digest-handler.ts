import type { Context } from 'aws-lambda';
import { sendDueDigests } from '../../shared/core/send-digests.js';
import type { AppContext } from '../composition/context.js';

/**
 * Scheduled (every 15 minutes): sends the alerts held back by quiet hours whose hours have
 * ended, one digest message per volunteer.
 */
export function createAlertDigestHandler(ctx: AppContext) {
  return async (_event?: unknown, context?: Context) => {
    if (context) ctx.log.addContext?.(context);
    const result = await sendDueDigests(ctx);
    ctx.log.info('quiet-hours digests', result);
    return result;
  };
}
