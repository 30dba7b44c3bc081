import type { Context } from 'aws-lambda';
import { sweepExpiredClaims } from '../../shared/core/sweep-alerts.js';
import type { AppContext } from '../composition/context.js';

/** Scheduled (every 5 minutes): finishes alerts whose claim expired before they were sent. */
export function createAlertSweeperHandler(ctx: AppContext) {
  return async (_event?: unknown, context?: Context) => {
    if (context) ctx.log.addContext?.(context);
    const result = await sweepExpiredClaims(ctx);
    ctx.log.info('expired claims swept', result);
    return result;
  };
}
