/** Tip intake and review as use cases, on the in-memory adapters and the real gazetteer. */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKeyReusedError, NotFoundError } from '../../shared/core/errors.js';
import { MemoryTipAuditLog, SettableClock, sequenceIds } from '../../shared/core/in-memory/memory-ports.js';
import { MemoryTipStore } from '../../shared/core/in-memory/memory-tip-store.js';
import { openTip, reviewTip, tipAuditTrail } from '../../shared/core/review-tip.js';
import { submitTip, type SubmitTipDeps } from '../../shared/core/submit-tip.js';
import { toTipListItem } from '../../shared/core/tip-views.js';
import type { Gazetteer } from '../../shared/geocoder/index.js';
import { defaultServiceArea } from '../../shared/service-area/index.js';
import { tipInputSchema } from '../../shared/tips/tip-input.js';
import { hmacPseudonyms } from '../../functions/lib/hmac-pseudonyms.js';
import { realGazetteer } from '../geocoder/real-gazetteer.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await realGazetteer();
});

function deps(
  secret = randomBytes(32),
): SubmitTipDeps & { tips: MemoryTipStore; audit: MemoryTipAuditLog; clock: SettableClock } {
  const clock = new SettableClock('2026-11-25T05:00:00.000Z');
  return {
    tips: new MemoryTipStore(clock),
    audit: new MemoryTipAuditLog(),
    clock,
    ids: sequenceIds(),
    gazetteer: () => gazetteer,
    serviceArea: () => defaultServiceArea(gazetteer),
    pseudonyms: hmacPseudonyms(async () => secret),
  };
}

const input = (over: object = {}) =>
  tipInputSchema.parse({ text: 'แรงงานถูกยึดบัตร', location: { lat: 6.4255, lon: 101.8231 }, ...over });

describe('submitTip', () => {
  it('stores a replay once and answers it alike; refuses the same key with another body', async () => {
    const d = deps();
    const first = await submitTip(d, { input: input(), idempotencyKey: 'k1', bodyHash: 'h1' });
    const again = await submitTip(d, { input: input(), idempotencyKey: 'k1', bodyHash: 'h1' });
    expect(again).toMatchObject({ replayed: true, body: first.body });
    expect(d.tips.tips.size).toBe(1);
    await expect(
      submitTip(d, { input: input({ text: 'x' }), idempotencyKey: 'k1', bodyHash: 'h2' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(first.body.reference).toMatch(/^PT-/);
  });

  it('stores a tip outside the service area, flagged and without a clustering position', async () => {
    const d = deps();
    const far = await submitTip(d, { input: input({ location: { lat: -40, lon: -60 } }), bodyHash: 'h' });
    expect(far.tip).toMatchObject({ outsideServiceArea: true });
    expect(far.tip?.lat).toBeUndefined();
    const near = await submitTip(d, { input: input(), bodyHash: 'h' });
    expect(near.tip).toMatchObject({ lat: 6.4255, lon: 101.8231 });
    expect(near.tip?.outsideServiceArea).toBeUndefined();
  });

  it('keys reporters by a keyed hash: the same number alike, however typed; another secret, another key', async () => {
    const secret = randomBytes(32);
    const a = deps(secret);
    const k = async (d: SubmitTipDeps, phone: string) =>
      (await submitTip(d, { input: input({ contact: { phone, consentToContact: false } }), bodyHash: phone })).tip!
        .reporterKey;
    expect(await k(a, '081-234-5678')).toBe(await k(a, '0812345678'));
    expect(await k(a, '0812345678')).not.toBe(await k(deps(), '0812345678'));
    expect(await k(a, '0812345678')).not.toContain('812345678');
  });
});

describe('reviewing a tip', () => {
  it('audits every opening of the detail, shows contact only there, and keeps the status history', async () => {
    const d = deps();
    const { tip } = await submitTip(d, {
      input: input({ contact: { phone: '0812345678', consentToContact: true } }),
      bodyHash: 'h',
    });
    expect(toTipListItem(tip!)).not.toHaveProperty('contact');
    expect(toTipListItem(tip!).hasContact).toBe(true);
    const detail = await openTip(d, tip!.id, 'somchai');
    expect(detail.contact?.phone).toBe('0812345678');
    await reviewTip(d, tip!.id, { status: 'verified', note: 'called back' }, 'somchai');
    d.clock.current = '2026-11-25T06:00:00.000Z';
    await reviewTip(d, tip!.id, { status: 'new' }, 'ladda');
    expect((await openTip(d, tip!.id, 'ladda')).statusHistory).toEqual([
      { at: '2026-11-25T05:00:00.000Z', by: 'somchai', status: 'verified', note: 'called back' },
      { at: '2026-11-25T06:00:00.000Z', by: 'ladda', status: 'new' },
    ]);
    expect((await tipAuditTrail(d, tip!.id)).map((r) => r.by)).toEqual(['ladda', 'somchai']);
    await expect(openTip(d, 'nope', 'x')).rejects.toBeInstanceOf(NotFoundError);
    expect(await tipAuditTrail(d, tip!.id)).toHaveLength(2);
  });
});
