import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { updateAround } from '../../shared/hotspots/index.js';
import type { ClusterTip } from '../../shared/types.js';
import { getContext } from '../lib/context.js';
import { windowStart } from '../lib/hotspot-window.js';
import { logger } from '../lib/logger.js';
import { toClusterTip, type TipItem } from '../lib/tips-repo.js';

/** The tips a batch of stream records changed that can take part in clustering. */
function changedTips(event: DynamoDBStreamEvent): ClusterTip[] {
  const out = new Map<string, ClusterTip>();
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
    if (!image) continue;
    // The stream's attribute values are the SDK's own shape.
    const tip = unmarshall(image as Parameters<typeof unmarshall>[0]) as TipItem;
    if (tip.cell && tip.lat !== undefined && tip.lon !== undefined) out.set(tip.id, toClusterTip(tip));
  }
  return [...out.values()];
}

/**
 * Tips stream → hotspots. The whole batch is one re-clustering of the neighbourhood of
 * the changed tips, so a failure fails the batch and the event source mapping retries it;
 * the upserts are idempotent (same tips in, same hotspots out).
 */
export async function handler(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
  if (context) logger.addContext(context);
  const ctx = getContext();
  const changed = changedTips(event);
  if (!changed.length) return { batchItemFailures: [] };
  const now = ctx.now();
  const existing = await ctx.hotspots.listActive();
  const since = windowStart(now);
  const changes = await updateAround(changed, (cells) => ctx.tips.inCells(cells, since), existing, now);
  await ctx.hotspots.saveChanges(changes, existing);
  logger.info('hotspots updated', {
    tips: changed.length,
    upserts: changes.upserts.length,
    retired: changes.retired.length,
  });
  return { batchItemFailures: [] };
}
