import type { Context } from 'aws-lambda';
import { publishPublicSnapshot } from '../../shared/core/public-snapshot.js';
import type { AppContext } from '../composition/context.js';

/** Scheduled (hourly by default): publishes the public hotspot snapshot. */
export function createSnapshotPublisherHandler(ctx: AppContext) {
  return async (_event?: unknown, context?: Context) => {
    if (context) ctx.log.addContext?.(context);
    const snapshot = await publishPublicSnapshot(ctx);
    ctx.log.info('public snapshot published', {
      hotspots: snapshot.features.length,
      publishedAt: snapshot.publishedAt,
    });
    return { hotspots: snapshot.features.length };
  };
}
