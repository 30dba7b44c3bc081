/**
 * The alert use cases: policy, idempotency, statuses, digest, dead letters. The same tests run
 * on the in-memory adapters and on the DynamoDB adapters (DynamoDB Local), so the two agree.
 */
import { ThrottledException } from '@aws-sdk/client-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { MessageSendError } from '../../shared/core/message-send-error.js';
import { dispatchHotspotAlert, sendTestAlert } from '../../shared/core/dispatch-hotspot-alert.js';
import { sendDueDigests } from '../../shared/core/send-digests.js';
import { ALERT_CONTEXTS, hotspot, volunteer, type AlertTestContext } from './support.js';

describe.each(ALERT_CONTEXTS)('alerts on %s', (_name, makeContext) => {
  let ctx: AlertTestContext;
  beforeAll(async () => {
    ctx = await makeContext();
  });

  const newHotspot = (h: ReturnType<typeof hotspot>) => ({
    hotspotId: h.id,
    reason: 'new_hotspot' as const,
    riskLevel: h.riskLevel,
  });

  describe('dispatchHotspotAlert', () => {
    it('alerts exactly the active volunteers whose circle contains the hotspot, once, however often it runs', async () => {
      const near = volunteer({ location: { lat: 6.44, lon: 101.82 }, radiusKm: 5 });
      const nearMs = volunteer({ location: { lat: 6.42, lon: 101.85 }, radiusKm: 8, language: 'ms' });
      const wide = volunteer({ location: { lat: 6.1, lon: 101.9 }, radiusKm: 45, language: 'en' });
      const far = volunteer({ location: { lat: 6.6, lon: 101.82 }, radiusKm: 10 });
      const optedOut = volunteer({ location: { lat: 6.43, lon: 101.82 }, status: 'opted_out' });
      for (const v of [near, nearMs, wide, far, optedOut]) await ctx.volunteers.put(v);
      const h = hotspot();
      const runs = await Promise.all([1, 2, 3].map(() => dispatchHotspotAlert(ctx, h, newHotspot(h))));
      await dispatchHotspotAlert(ctx, h, newHotspot(h));
      expect(runs.reduce((s, r) => s + r.sent, 0)).toBe(3);
      const to = ctx.smsLog.sent.map((m) => m.to).sort();
      expect(to).toEqual([near.phone, nearMs.phone, wide.phone].sort());
      const log = (await ctx.alerts.list()).filter((a) => a.hotspotId === h.id);
      expect(log).toHaveLength(3);
      expect(log.every((a) => a.status === 'sent' && a.segments >= 1 && a.segments <= 2)).toBe(true);
      const ms = log.find((a) => a.volunteerId === nearMs.id)!;
      expect(ms.message).toMatch(/^Phithak: Kawasan berisiko baharu, tahap tinggi\./);
      expect(ctx.smsLog.sent.find((m) => m.to === near.phone)!.text).toContain('ต.บางนาค');
    });

    it('sends again for an escalation, but not for the same risk level', async () => {
      const v = volunteer();
      await ctx.volunteers.put(v);
      const h = hotspot({ riskLevel: 'medium' });
      await dispatchHotspotAlert(ctx, h, newHotspot(h));
      await dispatchHotspotAlert(
        ctx,
        { ...h, riskLevel: 'high' },
        { hotspotId: h.id, reason: 'escalated', riskLevel: 'high' },
      );
      await dispatchHotspotAlert(
        ctx,
        { ...h, riskLevel: 'high' },
        { hotspotId: h.id, reason: 'escalated', riskLevel: 'high' },
      );
      expect((await ctx.alerts.listForVolunteer(v.id)).map((a) => a.reason).sort()).toEqual([
        'escalated',
        'new_hotspot',
      ]);
    });

    it('holds alerts in quiet hours and delivers them as one digest afterwards', async () => {
      const sleeper = volunteer({
        location: { lat: 13.0, lon: 100.0 },
        quietHours: { start: '21:00', end: '06:00' },
        language: 'en',
      });
      await ctx.volunteers.put(sleeper);
      const place = { centroid: { lat: 13.01, lon: 100.0 } };
      const a = hotspot({ ...place, riskLevel: 'medium' });
      const b = hotspot({ ...place, riskLevel: 'high' });
      ctx.clock.current = '2026-11-25T16:00:00.000Z'; // 23:00 Bangkok
      const before = ctx.smsLog.sent.length;
      await dispatchHotspotAlert(ctx, a, newHotspot(a));
      await dispatchHotspotAlert(ctx, b, newHotspot(b));
      expect(ctx.smsLog.sent.length).toBe(before);
      const held = await ctx.alerts.listForVolunteer(sleeper.id);
      expect(held.map((x) => x.status)).toEqual(['queued', 'queued']);
      expect(await sendDueDigests(ctx)).toMatchObject({ digests: 0 });
      ctx.clock.current = '2026-11-25T23:05:00.000Z'; // 06:05 Bangkok
      expect(await sendDueDigests(ctx)).toMatchObject({ digests: 1, alerts: 2 });
      expect(await sendDueDigests(ctx)).toMatchObject({ digests: 0 });
      const mine = ctx.smsLog.sent.filter((m) => m.to === sleeper.phone);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.text).toMatch(/2 alerts for 2 hotspots, highest risk high/);
      const after = await ctx.alerts.listForVolunteer(sleeper.id);
      expect(after.filter((x) => x.status === 'sent')).toHaveLength(3); // two held + the digest
      ctx.clock.current = '2026-11-25T05:00:00.000Z';
    });

    it('lets critical alerts through quiet hours and the daily cap', async () => {
      const v = volunteer({ location: { lat: 7.0, lon: 100.5 }, quietHours: { start: '00:00', end: '23:59' } });
      await ctx.volunteers.put(v);
      for (let i = 0; i < 6; i++) await ctx.alerts.countSent(v.id, '2026-11-25');
      const place = { centroid: { lat: 7.0, lon: 100.51 } };
      const normal = hotspot({ ...place });
      const critical = hotspot({ ...place, riskLevel: 'critical' });
      await dispatchHotspotAlert(ctx, normal, newHotspot(normal));
      await dispatchHotspotAlert(ctx, critical, newHotspot(critical));
      const log = await ctx.alerts.listForVolunteer(v.id);
      expect(log.find((a) => a.hotspotId === normal.id)).toMatchObject({
        status: 'suppressed',
        suppressedReason: 'daily_cap',
      });
      expect(log.find((a) => a.hotspotId === critical.id)).toMatchObject({ status: 'sent' });
    });

    it('marks failed sends and hands them to the dead-letter queue without resending', async () => {
      const v = volunteer({ location: { lat: 7.5, lon: 100.2 } });
      await ctx.volunteers.put(v);
      const h = hotspot({ centroid: { lat: 7.5, lon: 100.21 } });
      ctx.smsLog.failWith = new MessageSendError('still throttled', true, 5, 'ThrottledException', {
        cause: new ThrottledException({ message: 'x', $metadata: {} }),
      });
      try {
        expect(await dispatchHotspotAlert(ctx, h, newHotspot(h))).toMatchObject({ failed: 1, sent: 0 });
      } finally {
        ctx.smsLog.failWith = undefined;
      }
      await dispatchHotspotAlert(ctx, h, newHotspot(h));
      const [alert] = await ctx.alerts.listForVolunteer(v.id);
      expect(alert).toMatchObject({ status: 'failed', attempts: 5, failureReason: 'ThrottledException' });
      expect(ctx.letters.find((l) => l.kind === 'alert' && l.alertId === alert!.id)).toMatchObject({
        retryable: true,
        errorCode: 'ThrottledException',
        volunteerId: v.id,
      });
      expect(ctx.smsLog.sent.some((m) => m.to === v.phone)).toBe(false);
    });
  });

  describe('volunteer registry and test alerts', () => {
    it('moves cells with an edit and drops them on opt-out', async () => {
      const v = volunteer({ location: { lat: 8.0, lon: 99.0 } });
      await ctx.volunteers.put(v);
      expect((await ctx.volunteers.covering({ lat: 8.0, lon: 99.01 })).map((c) => c.volunteerId)).toContain(v.id);
      const moved = { ...v, location: { lat: 8.5, lon: 99.5 }, updatedAt: '2026-11-25T00:00:00.000Z' };
      await ctx.volunteers.put(moved, v);
      expect((await ctx.volunteers.covering({ lat: 8.0, lon: 99.01 })).map((c) => c.volunteerId)).not.toContain(v.id);
      expect((await ctx.volunteers.covering({ lat: 8.5, lon: 99.51 })).map((c) => c.volunteerId)).toContain(v.id);
      await expect(ctx.volunteers.put({ ...v, name: 'stale write' }, v)).rejects.toThrow(/changed by someone else/);
      await ctx.volunteers.put({ ...moved, status: 'opted_out', updatedAt: '2026-11-25T01:00:00.000Z' }, moved);
      expect((await ctx.volunteers.covering({ lat: 8.5, lon: 99.51 })).map((c) => c.volunteerId)).not.toContain(v.id);
    });

    it('sends a test alert now and records it; an opted-out volunteer gets a suppressed one', async () => {
      const v = volunteer({ language: 'en', quietHours: { start: '00:00', end: '23:59' } });
      await ctx.volunteers.put(v);
      const alert = await sendTestAlert(ctx, v);
      expect(alert).toMatchObject({ reason: 'test', status: 'sent', volunteerId: v.id, segments: 1 });
      expect(ctx.smsLog.sent.at(-1)).toMatchObject({ to: v.phone, alertId: alert.id });
      const out = await sendTestAlert(ctx, { ...v, status: 'opted_out' });
      expect(out).toMatchObject({ status: 'suppressed', suppressedReason: 'opted_out' });
    });
  });
});
