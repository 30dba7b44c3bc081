import type { Context } from 'aws-lambda';
import { recomputeHotspots } from '../../shared/hotspots/index.js';
import { getContext } from '../lib/context.js';
import { windowStart } from '../lib/hotspot-window.js';
import { logger } from '../lib/logger.js';

/**
 * Scheduled safety net (EventBridge, every 15 minutes): recomputes every hotspot from the
 * tips in the window, so missed stream batches heal and old tips age out.
 */
export async function handler(_event?: unknown, context?: Context): Promise<{ upserts: number; retired: number }> {
  if (context) logger.addContext(context);
  const ctx = getContext();
  const now = ctx.now();
  const [tips, existing] = await Promise.all([ctx.tips.clusterableSince(windowStart(now)), ctx.hotspots.listActive()]);
  const changes = recomputeHotspots({ tips, existing, now });
  await ctx.hotspots.saveChanges(changes, existing);
  logger.info('hotspots recomputed', {
    tips: tips.length,
    upserts: changes.upserts.length,
    retired: changes.retired.length,
  });
  return { upserts: changes.upserts.length, retired: changes.retired.length };
}
