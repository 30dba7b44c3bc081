import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAlertLog } from '../../functions/lib/dynamo-alert-log.js';
import type { Alert } from '../../shared/types.js';
import { freshTables } from './fresh-tables.js';

let log: DynamoAlertLog;
let destroy: () => void;
const now = '2026-11-25T05:00:00.000Z';
const clock = { now: () => now };
const alert = (id: string): Alert => ({
  id,
  volunteerId: 'v1',
  hotspotId: 'h1',
  reason: 'new_hotspot',
  riskLevel: 'high',
  messageChannel: 'sms',
  message: 'พิทักษ์',
  segments: 1,
  status: 'queued',
  createdAt: now,
});

beforeAll(async () => {
  const { ddb, doc, tables } = await freshTables('rcpt');
  log = new DynamoAlertLog(doc, tables.alerts, clock);
  destroy = () => ddb.destroy();
});
afterAll(() => destroy());

describe('DynamoAlertLog.recordReceipt (DynamoDB Local)', () => {
  it('moves a sent alert to delivered, once', async () => {
    await log.claim(alert('d1'), now);
    await log.setStatus('d1', 'sent', { sentAt: now });
    const at = '2026-11-25T05:00:03.000Z';
    expect(await log.recordReceipt('d1', { status: 'delivered', code: 'TEXT_DELIVERED', at })).toBe(true);
    expect(await log.recordReceipt('d1', { status: 'undelivered', code: 'TEXT_BLOCKED', at })).toBe(false);
    expect(await log.get('d1')).toMatchObject({ status: 'delivered', deliveredAt: at });
  });

  it('records undelivered with the code, and never on an alert that is not sent', async () => {
    await log.claim(alert('u1'), now);
    await log.setStatus('u1', 'sent', { sentAt: now });
    const at = '2026-11-25T05:00:03.000Z';
    expect(await log.recordReceipt('u1', { status: 'undelivered', code: 'TEXT_TTL_EXPIRED', at })).toBe(true);
    expect(await log.get('u1')).toMatchObject({ status: 'undelivered', failureReason: 'TEXT_TTL_EXPIRED' });
    await log.claim(alert('q1'), now);
    expect(await log.recordReceipt('q1', { status: 'delivered', code: 'TEXT_DELIVERED', at })).toBe(false);
    expect(await log.recordReceipt('missing', { status: 'delivered', code: 'TEXT_DELIVERED', at })).toBe(false);
    expect((await log.get('q1'))?.status).toBe('queued');
  });
});
