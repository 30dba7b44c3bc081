import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { composeAlertSms } from '../../shared/alerts/sms-text.js';
import { isPublicHotspot } from '../../shared/hotspots/index.js';
import { RISK_LEVELS, type Alert, type AlertReason, type Hotspot } from '../../shared/types.js';
import { alertIdFor } from '../lib/alerts-repo.js';
import { getContext } from '../lib/context.js';
import { fromHotspotItem } from '../lib/hotspots-repo.js';
import { logger } from '../lib/logger.js';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

type Image = Parameters<typeof unmarshall>[0];

/** Why a hotspot change deserves an alert, or undefined when it does not. */
export function reasonFor(next: Hotspot | undefined, prev: Hotspot | undefined): AlertReason | undefined {
  if (!next || next.status !== 'active' || !isPublicHotspot(next)) return undefined;
  if (!prev || prev.status !== 'active' || !isPublicHotspot(prev)) return 'new_hotspot';
  return RISK_LEVELS.indexOf(next.riskLevel) > RISK_LEVELS.indexOf(prev.riskLevel) ? 'escalated' : undefined;
}

async function notify(hotspot: Hotspot, reason: AlertReason): Promise<void> {
  const ctx = getContext();
  const ids = await ctx.volunteers.covering(hotspot.centroid);
  for (const volunteerId of ids) {
    const volunteer = await ctx.volunteers.get(volunteerId);
    if (!volunteer || volunteer.status !== 'active') continue;
    const sms = composeAlertSms({
      language: volunteer.language,
      reason,
      riskLevel: hotspot.riskLevel,
      tambon: hotspot.admin.tambon,
      amphoe: hotspot.admin.amphoe,
      tipCount: hotspot.tipCount,
      link: `${ctx.config.publicBaseUrl}/#h=${hotspot.id.slice(0, 8)}`,
      hotline: '1300',
    });
    const now = ctx.now();
    const alert: Alert = {
      id: alertIdFor(`${volunteer.id}|${hotspot.id}|${reason}|${hotspot.riskLevel}`),
      volunteerId: volunteer.id,
      hotspotId: hotspot.id,
      reason,
      riskLevel: hotspot.riskLevel,
      message: sms.text,
      segments: sms.segments,
      status: 'queued',
      createdAt: now,
      attempts: 0,
    };
    // At most one alert per (volunteer, hotspot, reason, risk level): a redelivered batch finds it claimed.
    if (!(await ctx.alerts.claim(alert))) continue;
    try {
      const { providerMessageId } = await ctx.sms.send({ to: volunteer.phone, text: sms.text, alertId: alert.id });
      await ctx.alerts.setStatus(alert.id, 'sent', { providerMessageId, attempts: 1 });
    } catch (err) {
      await ctx.alerts.setStatus(alert.id, 'failed', { attempts: 1, suppressedReason: (err as Error).name });
      logger.warn('sms failed', { alertId: alert.id, error: (err as Error).name });
    }
  }
}

async function processRecord(record: DynamoDBRecord): Promise<void> {
  const next = record.dynamodb?.NewImage ? fromHotspotItem(unmarshall(record.dynamodb.NewImage as Image)) : undefined;
  const prev = record.dynamodb?.OldImage ? fromHotspotItem(unmarshall(record.dynamodb.OldImage as Image)) : undefined;
  const reason = reasonFor(next, prev);
  if (next && reason) await notify(next, reason);
}

/** Hotspots stream → SMS alerts to the volunteers whose circle covers the hotspot. */
export async function handler(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
  if (context) logger.addContext(context);
  return processPartialResponse(event, processRecord, processor, { context: context as Context });
}
