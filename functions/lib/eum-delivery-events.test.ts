import { describe, expect, it } from 'vitest';
import { parseDeliveryEvent, UnreadableEventError } from './eum-delivery-events.js';

/** An event shaped like the sms-voice user guide's SMS example, wrapped as SNS delivers it. */
function snsRecord(event: Record<string, unknown>) {
  const base = {
    eventVersion: '1.0',
    eventTimestamp: 1764046804000,
    isFinal: true,
    originationPhoneNumber: 'PHITHAK',
    destinationPhoneNumber: '+66812345678',
    isoCountryCode: 'TH',
    messageId: '862a8790-60c0-4430-9b2b-658bdexample',
    messageRequestTimestamp: 1764046800000,
    messageEncoding: 'UCS2',
    messageType: 'TRANSACTIONAL',
    context: { alertId: 'a1' },
    totalMessageParts: 2,
    totalMessagePrice: 0.0408,
    totalCarrierFee: 0.002,
  };
  return { Sns: { Message: JSON.stringify({ ...base, ...event }), Timestamp: '2025-11-25T05:00:05.000Z' } } as never;
}

describe('parseDeliveryEvent', () => {
  it('reads a delivered receipt with the alert id from the context, and the cost', () => {
    const parsed = parseDeliveryEvent(snsRecord({ eventType: 'TEXT_DELIVERED', messageStatus: 'DELIVERED' }));
    expect(parsed.receipt).toEqual({
      alertId: 'a1',
      status: 'delivered',
      code: 'TEXT_DELIVERED',
      at: new Date(1764046804000).toISOString(),
    });
    expect(parsed.parts).toBe(2);
    expect(parsed.priceUsd).toBeCloseTo(0.0428, 6);
  });

  it.each(['TEXT_BLOCKED', 'TEXT_CARRIER_UNREACHABLE', 'TEXT_TTL_EXPIRED', 'TEXT_PROTECT_BLOCKED'])(
    'reads %s as undelivered with that code',
    (eventType) => {
      expect(parseDeliveryEvent(snsRecord({ eventType })).receipt).toMatchObject({
        status: 'undelivered',
        code: eventType,
      });
    },
  );

  it('keeps no receipt for intermediate events, and none for a non-final one', () => {
    expect(parseDeliveryEvent(snsRecord({ eventType: 'TEXT_QUEUED', isFinal: false })).receipt).toBeUndefined();
    expect(parseDeliveryEvent(snsRecord({ eventType: 'TEXT_PENDING' })).receipt).toBeUndefined();
    expect(
      parseDeliveryEvent(snsRecord({ eventType: 'TEXT_CARRIER_UNREACHABLE', isFinal: false })).receipt,
    ).toBeUndefined();
  });

  it('has no phone number in what it returns', () => {
    expect(JSON.stringify(parseDeliveryEvent(snsRecord({ eventType: 'TEXT_DELIVERED' })))).not.toContain('812345678');
  });

  it('rejects what is not an event', () => {
    expect(() => parseDeliveryEvent({ Sns: { Message: 'not json' } } as never)).toThrow(UnreadableEventError);
    expect(() => parseDeliveryEvent({ Sns: { Message: '{"x":1}' } } as never)).toThrow(/eventType/);
  });
});
