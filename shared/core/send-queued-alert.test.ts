import { beforeEach, describe, expect, it } from 'vitest';
import type { Alert, Volunteer } from '../types.js';
import type { AlertDeps } from './deliver-alert.js';
import { deliverAlert } from './deliver-alert.js';
import { MemoryAlertLog } from './in-memory/memory-alert-log.js';
import { MemoryDeadLetters, MemoryLog, RecordingSender, SettableClock, sequenceIds } from './in-memory/memory-ports.js';
import { MemoryVolunteerDirectory } from './in-memory/memory-volunteer-directory.js';
import { recordDeliveryReceipt } from './record-delivery-receipt.js';
import { sendQueuedAlert } from './send-queued-alert.js';

const volunteer: Volunteer = {
  id: 'v1',
  name: 'Somchai',
  phone: '+66812345678',
  location: { lat: 6.42, lon: 101.82 },
  radiusKm: 5,
  language: 'th',
  status: 'active',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const alert: Alert = {
  id: 'a1',
  volunteerId: 'v1',
  hotspotId: 'h1',
  reason: 'new_hotspot',
  riskLevel: 'high',
  messageChannel: 'sms',
  message: 'พิทักษ์: จุดเสี่ยงใหม่',
  segments: 1,
  status: 'queued',
  createdAt: '2026-11-25T05:00:00.000Z',
};

let deps: AlertDeps & { alerts: MemoryAlertLog; volunteers: MemoryVolunteerDirectory; log: MemoryLog };
let sender: RecordingSender;
let queued: string[];

beforeEach(async () => {
  sender = new RecordingSender();
  queued = [];
  deps = {
    volunteers: new MemoryVolunteerDirectory(),
    alerts: new MemoryAlertLog(),
    senders: { sms: sender },
    deadLetters: new MemoryDeadLetters(),
    clock: new SettableClock('2026-11-25T05:00:00.000Z'),
    ids: sequenceIds(),
    gazetteer: () => {
      throw new Error('not needed');
    },
    log: new MemoryLog(),
    sendQueue: { enqueue: async (ids) => void queued.push(...ids) },
    settings: { publicBaseUrl: 'https://example.org' },
  };
  await deps.volunteers.put(volunteer);
});

describe('the queued send path', () => {
  it('queues a claimed alert instead of sending, and the sender function sends it once', async () => {
    expect(await deliverAlert(deps, alert, volunteer)).toBe('queued');
    expect(sender.sent).toHaveLength(0);
    expect(queued).toEqual(['a1']);
    expect(await sendQueuedAlert(deps, 'a1')).toBe('sent');
    expect(await sendQueuedAlert(deps, 'a1')).toBe('skipped'); // a redelivered queue message
    expect(sender.sent.map((m) => [m.to, m.alertId])).toEqual([['+66812345678', 'a1']]);
    expect((await deps.alerts.get('a1'))?.status).toBe('sent');
  });

  it('does not text a volunteer who opted out after the claim', async () => {
    await deliverAlert(deps, alert, volunteer);
    await deps.volunteers.put({ ...volunteer, status: 'opted_out', updatedAt: 'x' }, volunteer);
    expect(await sendQueuedAlert(deps, 'a1')).toBe('skipped');
    expect(sender.sent).toHaveLength(0);
    expect(await deps.alerts.get('a1')).toMatchObject({ status: 'suppressed', suppressedReason: 'opted_out' });
  });

  it('skips an id that is not a queued alert', async () => {
    expect(await sendQueuedAlert(deps, 'nope')).toBe('skipped');
  });
});

describe('delivery receipts', () => {
  beforeEach(async () => {
    await deliverAlert({ ...deps, sendQueue: undefined }, alert, volunteer);
  });

  it('records delivered on a sent alert', async () => {
    const at = '2026-11-25T05:00:04.000Z';
    expect(await recordDeliveryReceipt(deps, { alertId: 'a1', status: 'delivered', code: 'TEXT_DELIVERED', at })).toBe(
      'recorded',
    );
    expect(await deps.alerts.get('a1')).toMatchObject({ status: 'delivered', deliveredAt: at });
  });

  it('records undelivered with the receipt code, and never goes backwards', async () => {
    const at = '2026-11-25T05:00:04.000Z';
    await recordDeliveryReceipt(deps, { alertId: 'a1', status: 'undelivered', code: 'TEXT_BLOCKED', at });
    const late = await recordDeliveryReceipt(deps, { alertId: 'a1', status: 'delivered', code: 'TEXT_DELIVERED', at });
    expect(late).toBe('ignored');
    expect(await deps.alerts.get('a1')).toMatchObject({ status: 'undelivered', failureReason: 'TEXT_BLOCKED' });
    expect(deps.log.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: { alertId: 'a1', code: 'TEXT_BLOCKED' } }),
    );
  });

  it('ignores receipts without an alert id or for alerts that were not sent', async () => {
    const at = '2026-11-25T05:00:04.000Z';
    expect(await recordDeliveryReceipt(deps, { status: 'delivered', code: 'TEXT_DELIVERED', at })).toBe('ignored');
    expect(await recordDeliveryReceipt(deps, { alertId: 'x', status: 'delivered', code: 'TEXT_DELIVERED', at })).toBe(
      'ignored',
    );
  });
});
