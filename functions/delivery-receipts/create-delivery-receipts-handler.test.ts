import type { SNSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { MemoryAlertLog } from '../../shared/core/in-memory/memory-alert-log.js';
import { MemoryLog } from '../../shared/core/in-memory/memory-ports.js';
import type { Alert } from '../../shared/types.js';
import type { AppContext } from '../composition/context.js';
import type { MetricName, Telemetry } from '../lib/powertools-telemetry.js';
import { createDeliveryReceiptsHandler } from './create-delivery-receipts-handler.js';

const now = '2026-11-25T05:00:00.000Z';
const sent: Alert = {
  id: 'a1',
  volunteerId: 'v1',
  hotspotId: 'h1',
  reason: 'new_hotspot',
  riskLevel: 'high',
  message: 'พิทักษ์',
  segments: 1,
  status: 'queued',
  createdAt: now,
};

function snsEvent(...events: object[]): SNSEvent {
  return { Records: events.map((e) => ({ Sns: { Message: JSON.stringify(e), Timestamp: now } })) } as never;
}

describe('delivery receipts handler', () => {
  it('records the receipt on the alert and counts receipts and spend', async () => {
    const alerts = new MemoryAlertLog();
    await alerts.claim(sent, now);
    await alerts.setStatus('a1', 'sent');
    const metrics: Array<[MetricName, number]> = [];
    const telemetry: Telemetry = {
      count: (name, value = 1) => void metrics.push([name, value]),
      traceClient: (c) => c,
      wrap: (h) => h,
    };
    const ctx = { alerts, log: new MemoryLog(), telemetry } as unknown as AppContext;
    await createDeliveryReceiptsHandler(ctx)(
      snsEvent(
        {
          eventType: 'TEXT_BLOCKED',
          isFinal: true,
          eventTimestamp: Date.parse(now),
          context: { alertId: 'a1' },
          totalMessagePrice: 0.02,
        },
        { eventType: 'TEXT_QUEUED', isFinal: false, context: { alertId: 'a1' } },
        { nonsense: true },
      ),
    );
    expect(await alerts.get('a1')).toMatchObject({ status: 'undelivered', failureReason: 'TEXT_BLOCKED' });
    expect(metrics).toEqual([
      ['SmsSpendUsd', 0.02],
      ['ReceiptsUndelivered', 1],
    ]);
  });
});
