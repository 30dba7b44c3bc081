import type { Context } from 'aws-lambda';
import { recomputeAllHotspots } from '../../shared/core/recompute-hotspots.js';
import type { AppContext } from '../composition/context.js';

/**
 * Scheduled safety net (every 15 minutes): recomputes every hotspot from the tips in the
 * window, so missed stream batches heal and old tips age out.
 */
export function createRecomputeHandler(ctx: AppContext) {
  return async (_event?: unknown, context?: Context) => {
    if (context) ctx.log.addContext?.(context);
    const result = await recomputeAllHotspots(ctx);
    ctx.log.info('hotspots recomputed', result);
    return result;
  };
}
