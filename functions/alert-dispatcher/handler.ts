import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { triggerFor } from '../../shared/alerts/policy.js';
import { isPublicHotspot } from '../../shared/hotspots/index.js';
import { dispatchHotspotAlert } from '../lib/alert-delivery.js';
import { getContext } from '../lib/context.js';
import { fromHotspotItem } from '../lib/hotspots-repo.js';
import { logger } from '../lib/logger.js';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

type Image = Parameters<typeof unmarshall>[0];

async function processRecord(record: DynamoDBRecord): Promise<void> {
  const image = (i: unknown) => (i ? fromHotspotItem(unmarshall(i as Image)) : undefined);
  const next = image(record.dynamodb?.NewImage);
  const trigger = triggerFor(image(record.dynamodb?.OldImage), next, isPublicHotspot);
  if (!next || !trigger) return;
  const summary = await dispatchHotspotAlert(getContext(), next, trigger);
  logger.info('alerts dispatched', {
    hotspotId: next.id,
    reason: trigger.reason,
    riskLevel: trigger.riskLevel,
    ...summary,
  });
}

/**
 * Hotspots stream → SMS alerts to the volunteers whose circle covers the hotspot. A record
 * that fails is reported as a partial batch failure and redelivered; the conditional
 * claims make the redelivery send only what did not go the first time.
 */
export async function handler(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
  if (context) logger.addContext(context);
  return processPartialResponse(event, processRecord, processor, { context: context as Context });
}
