import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_LEVELS, type Hotspot } from '../types.js';
import { alertKey, decideAlerts, isCritical, triggerFor, type PolicyRecipient } from './policy.js';

const DAY = '2026-11-25T05:00:00Z'; // 12:00 Bangkok
const NIGHT = '2026-11-25T16:00:00Z'; // 23:00 Bangkok
const quietHours = { start: '21:00', end: '06:00' };
const high = { hotspotId: 'h1', reason: 'new_hotspot', riskLevel: 'high' } as const;
const vol = (over: Partial<PolicyRecipient> = {}): PolicyRecipient => ({
  id: 'v1',
  status: 'active',
  sentToday: 0,
  ...over,
});

describe('decideAlerts', () => {
  it('sends to an active volunteer', () => {
    expect(decideAlerts({ trigger: high, recipients: [vol()], now: DAY })).toEqual([
      { volunteerId: 'v1', key: alertKey('v1', 'h1', 'new_hotspot', 'high'), action: 'send' },
    ]);
  });

  it('never sends to an opted-out volunteer, whatever the trigger', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('new_hotspot', 'escalated', 'urgent_tip', 'test' as const),
        fc.constantFrom(...RISK_LEVELS),
        fc.nat(10),
        (reason, riskLevel, sentToday) => {
          const [d] = decideAlerts({
            trigger: { hotspotId: 'h', reason, riskLevel },
            recipients: [vol({ status: 'opted_out', sentToday })],
            now: NIGHT,
          });
          expect(d).toMatchObject({ action: 'suppress', suppressedReason: 'opted_out' });
        },
      ),
    );
  });

  it('caps non-critical alerts per day and lets critical ones through', () => {
    const capped = vol({ sentToday: 5 });
    expect(decideAlerts({ trigger: high, recipients: [capped], now: DAY })[0]).toMatchObject({
      action: 'suppress',
      suppressedReason: 'daily_cap',
    });
    expect(decideAlerts({ trigger: high, recipients: [vol({ sentToday: 4 })], now: DAY })[0]!.action).toBe('send');
    expect(
      decideAlerts({ trigger: { ...high, riskLevel: 'critical' }, recipients: [capped], now: DAY })[0]!.action,
    ).toBe('send');
    expect(
      decideAlerts({ trigger: high, recipients: [vol({ sentToday: 9 })], now: DAY, options: { dailyCap: 10 } })[0]!
        .action,
    ).toBe('send');
  });

  it('holds non-critical alerts in quiet hours until they end, and sends critical ones', () => {
    const sleeper = vol({ quietHours });
    expect(decideAlerts({ trigger: high, recipients: [sleeper], now: NIGHT })[0]).toMatchObject({
      action: 'hold',
      holdUntil: '2026-11-25T23:00:00.000Z',
    });
    expect(decideAlerts({ trigger: high, recipients: [sleeper], now: DAY })[0]!.action).toBe('send');
    expect(
      decideAlerts({ trigger: { ...high, reason: 'urgent_tip' }, recipients: [sleeper], now: NIGHT })[0]!.action,
    ).toBe('send');
    expect(
      decideAlerts({ trigger: { ...high, riskLevel: 'critical' }, recipients: [sleeper], now: NIGHT })[0]!.action,
    ).toBe('send');
  });

  it('decides once per recipient, in order', () => {
    const ds = decideAlerts({
      trigger: high,
      recipients: [vol({ id: 'a' }), vol({ id: 'b' }), vol({ id: 'a' })],
      now: DAY,
    });
    expect(ds.map((d) => d.volunteerId)).toEqual(['a', 'b']);
  });

  it('marks urgent, critical and test alerts as critical', () => {
    expect(isCritical({ reason: 'urgent_tip', riskLevel: 'low' })).toBe(true);
    expect(isCritical({ reason: 'test', riskLevel: 'low' })).toBe(true);
    expect(isCritical({ reason: 'escalated', riskLevel: 'critical' })).toBe(true);
    expect(isCritical({ reason: 'escalated', riskLevel: 'high' })).toBe(false);
  });
});

const hotspot = (over: Partial<Hotspot> = {}): Hotspot => ({
  id: 'h1',
  status: 'active',
  riskLevel: 'medium',
  riskScore: 1,
  tipCount: 5,
  categories: {},
  firstSeen: DAY,
  lastSeen: DAY,
  centroid: { lat: 6.4, lon: 101.8 },
  geometry: { type: 'Polygon', coordinates: [] },
  admin: {},
  memberTipIds: [],
  createdAt: DAY,
  updatedAt: DAY,
  ...over,
});

describe('triggerFor', () => {
  it('alerts on a new public hotspot, not on a hidden one', () => {
    expect(triggerFor(undefined, hotspot())).toEqual({ hotspotId: 'h1', reason: 'new_hotspot', riskLevel: 'medium' });
    expect(triggerFor(undefined, hotspot({ tipCount: 2 }))).toBeUndefined();
    expect(triggerFor(hotspot({ tipCount: 2 }), hotspot({ tipCount: 3 }))!.reason).toBe('new_hotspot');
    expect(triggerFor(hotspot({ status: 'retired' }), hotspot())!.reason).toBe('new_hotspot');
  });

  const LATER = '2026-11-25T06:00:00Z';

  it('alerts when the risk level goes up, not when it stays or falls', () => {
    expect(triggerFor(hotspot(), hotspot({ riskLevel: 'high', updatedAt: LATER }))).toEqual({
      hotspotId: 'h1',
      reason: 'escalated',
      riskLevel: 'high',
    });
    expect(triggerFor(hotspot(), hotspot({ tipCount: 9 }))).toBeUndefined();
    expect(triggerFor(hotspot({ riskLevel: 'high' }), hotspot())).toBeUndefined();
    expect(triggerFor(hotspot(), hotspot({ status: 'retired', riskLevel: 'critical' }))).toBeUndefined();
    expect(triggerFor(hotspot(), undefined)).toBeUndefined();
  });

  it('folds an early escalation into the new-hotspot alert, except to critical', () => {
    const soon = '2026-11-25T05:10:00Z';
    expect(triggerFor(hotspot(), hotspot({ riskLevel: 'high', updatedAt: soon }))).toBeUndefined();
    expect(triggerFor(hotspot(), hotspot({ riskLevel: 'critical', updatedAt: soon }))!.reason).toBe('escalated');
    expect(triggerFor(hotspot(), hotspot({ riskLevel: 'high', updatedAt: soon }), undefined, 5)!.reason).toBe(
      'escalated',
    );
  });

  it('keeps a low-risk hotspot that Gi* finds not significant off the phones until it is', () => {
    const chance = hotspot({ riskLevel: 'low', giConfidence: 0 });
    expect(triggerFor(undefined, chance)).toBeUndefined();
    expect(triggerFor(chance, hotspot({ riskLevel: 'low', giConfidence: 95 }))).toEqual({
      hotspotId: 'h1',
      reason: 'new_hotspot',
      riskLevel: 'low',
    });
    expect(triggerFor(chance, hotspot({ riskLevel: 'medium', giConfidence: 0, updatedAt: LATER }))!.reason).toBe(
      'new_hotspot',
    );
    expect(triggerFor(undefined, hotspot({ riskLevel: 'medium', giConfidence: 0 }))!.reason).toBe('new_hotspot');
    expect(triggerFor(undefined, hotspot({ riskLevel: 'low', giConfidence: 0, urgentTipCount: 1 }))!.reason).toBe(
      'urgent_tip',
    );
  });

  it('alerts once on a new urgent tip, which outranks the other reasons', () => {
    expect(triggerFor(hotspot(), hotspot({ urgentTipCount: 1 }))!.reason).toBe('urgent_tip');
    expect(triggerFor(undefined, hotspot({ urgentTipCount: 1, riskLevel: 'high' }))!.reason).toBe('urgent_tip');
    expect(triggerFor(hotspot({ urgentTipCount: 1 }), hotspot({ urgentTipCount: 1 }))).toBeUndefined();
  });
});
