/** Faults on the way from claim to provider: the message goes out once, or shows as failed; it never vanishes. */
import { describe, expect, it } from 'vitest';
import type { Hotspot, Volunteer } from '../types.js';
import { dispatchHotspotAlert } from './dispatch-hotspot-alert.js';
import type { AlertDeps } from './deliver-alert.js';
import { MessageSendError } from './message-send-error.js';
import { MemoryAlertLog } from './in-memory/memory-alert-log.js';
import { MemoryDeadLetters, MemoryLog, RecordingSender, SettableClock, sequenceIds } from './in-memory/memory-ports.js';
import { MemoryVolunteerDirectory } from './in-memory/memory-volunteer-directory.js';
import { sweepExpiredClaims } from './sweep-alerts.js';

const NOON = '2026-11-25T05:00:00.000Z';
const LATER = '2026-11-25T05:06:00.000Z'; // past the 5-minute lease

function deps() {
  const sender = new RecordingSender();
  const dead = new MemoryDeadLetters();
  const alerts = new MemoryAlertLog();
  const d: AlertDeps = {
    volunteers: new MemoryVolunteerDirectory(),
    alerts,
    senders: { sms: sender },
    deadLetters: dead,
    clock: new SettableClock(NOON),
    ids: sequenceIds(),
    gazetteer: () => {
      throw new Error('no gazetteer in this test');
    },
    log: new MemoryLog(),
    settings: { publicBaseUrl: 'https://phithak.example.org' },
  };
  return { d, sender, dead, alerts, clock: d.clock as SettableClock };
}

const volunteer: Volunteer = {
  id: 'v1',
  name: 'V',
  phone: '+66812345678',
  location: { lat: 6.43, lon: 101.82 },
  radiusKm: 5,
  language: 'en',
  status: 'active',
  createdAt: NOON,
  updatedAt: NOON,
};
const hotspot = {
  id: 'hs-1',
  status: 'active',
  riskLevel: 'high',
  tipCount: 6,
  centroid: { lat: 6.4255, lon: 101.8231 },
  admin: { tambon: 'Bang Nak', amphoe: 'Mueang Narathiwat' },
} as Hotspot;
const trigger = { hotspotId: 'hs-1', reason: 'new_hotspot' as const, riskLevel: 'high' as const };

describe('from claim to provider', () => {
  it('a crash after the claim, before the send: the sweeper sends it once the lease expires, once', async () => {
    const { d, sender, alerts, clock } = deps();
    await d.volunteers.put(volunteer);
    // The process dies right after claiming: markSending never happens.
    const crashing = {
      ...d,
      alerts: Object.assign(Object.create(alerts), { markSending: () => Promise.reject(new Error('crash')) }),
    };
    await expect(dispatchHotspotAlert(crashing, hotspot, trigger)).rejects.toThrow('crash');
    // The stream retries the batch at once: the claim is live, nothing is sent twice.
    expect(await dispatchHotspotAlert(d, hotspot, trigger)).toMatchObject({ sent: 0, skipped: 1 });
    expect(await sweepExpiredClaims(d)).toEqual({ resent: 0, unknown: 0, skipped: 0 });
    clock.current = LATER;
    expect(await sweepExpiredClaims(d)).toEqual({ resent: 1, unknown: 0, skipped: 0 });
    expect(await sweepExpiredClaims(d)).toEqual({ resent: 0, unknown: 0, skipped: 0 });
    expect(sender.sent).toHaveLength(1);
    expect((await alerts.list())[0]).toMatchObject({ status: 'sent' });
  });

  it('a crash while the provider had it: never sent again, marked failed with the reason and a dead letter', async () => {
    const { d, sender, alerts, dead, clock } = deps();
    await d.volunteers.put(volunteer);
    const hanging = {
      ...d,
      senders: { sms: { channel: 'sms' as const, send: () => Promise.reject(new TypeError('socket hang up')) } },
    };
    // A non-provider error is a failure too: the alert says so, the dead letter holds it.
    expect(await dispatchHotspotAlert(hanging, hotspot, trigger)).toMatchObject({ failed: 1 });
    expect((await alerts.list())[0]).toMatchObject({ status: 'failed', failureReason: 'TypeError' });
    // And a process killed mid-send (marked, no status) is found by the sweeper.
    const other = { ...trigger, riskLevel: 'critical' as const, reason: 'escalated' as const };
    const dying = {
      ...d,
      senders: { sms: { channel: 'sms' as const, send: () => new Promise<never>(() => undefined) } },
    };
    void dispatchHotspotAlert(dying, { ...hotspot, riskLevel: 'critical' }, other);
    await new Promise((r) => setTimeout(r, 20));
    clock.current = LATER;
    expect(await sweepExpiredClaims(d)).toEqual({ resent: 0, unknown: 1, skipped: 0 });
    expect(sender.sent).toHaveLength(0);
    const unknown = (await alerts.list()).find((a) => a.reason === 'escalated');
    expect(unknown).toMatchObject({ status: 'failed', failureReason: 'send_outcome_unknown' });
    expect(dead.letters.map((l) => l.kind === 'alert' && l.errorCode)).toEqual(['TypeError', 'send_outcome_unknown']);
  });

  it('provider throttling, then a refusal: failed with the provider code, dead-lettered, never silently dropped', async () => {
    const { d, sender, alerts, dead } = deps();
    await d.volunteers.put(volunteer);
    sender.failWith = new MessageSendError('still throttled', true, 5, 'ThrottlingException');
    expect(await dispatchHotspotAlert(d, hotspot, trigger)).toMatchObject({ failed: 1, sent: 0 });
    expect((await alerts.list())[0]).toMatchObject({
      status: 'failed',
      attempts: 5,
      failureReason: 'ThrottlingException',
    });
    expect(dead.letters).toEqual([
      expect.objectContaining({ kind: 'alert', retryable: true, errorCode: 'ThrottlingException' }),
    ]);
  });
});
