import { describe, expect, it } from 'vitest';
import type { ReceiptEvent } from '../../shared/core/record-delivery-receipt.js';
import { OutboxMessageSender } from './outbox-message-sender.js';

const message = (to: string) => ({ channel: 'sms' as const, to, text: 'พิทักษ์: ทดสอบ', alertId: 'abcdef0123456789' });
const until = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('OutboxMessageSender', () => {
  it('prints one line with the number masked and returns a local message id', async () => {
    const lines: string[] = [];
    const out = await new OutboxMessageSender({ uuid: () => 'u-1' }, (l) => lines.push(l)).send(
      message('+66812345678'),
    );
    expect(out.providerMessageId).toMatch(/^local-/);
    expect(lines).toEqual(['[outbox] SMS to +66******678 (alert abcdef01): พิทักษ์: ทดสอบ']);
    expect(lines[0]).not.toContain('812345678');
  });

  it('simulates a receipt a moment later: delivered, or undelivered for a number ending in 0000', async () => {
    const receipts: ReceiptEvent[] = [];
    const outbox = new OutboxMessageSender({ uuid: () => 'u' }, () => undefined, {
      delayMs: 5,
      record: async (r) => (receipts.push(r), 'recorded'),
      now: () => '2026-11-25T05:00:01.000Z',
    });
    await outbox.send(message('+66812345678'));
    await outbox.send(message('+66812340000'));
    expect(receipts).toEqual([]); // not before the delay
    await until(() => receipts.length === 2);
    expect(receipts.map((r) => [r.status, r.code])).toEqual([
      ['delivered', 'TEXT_DELIVERED'],
      ['undelivered', 'TEXT_UNREACHABLE'],
    ]);
    expect(receipts[0]).toMatchObject({ alertId: 'abcdef0123456789', at: '2026-11-25T05:00:01.000Z' });
  });

  it('tries an ignored receipt once more (the sent status may land after it), and stops on dispose', async () => {
    let calls = 0;
    const outbox = new OutboxMessageSender({ uuid: () => 'u' }, () => undefined, {
      delayMs: 5,
      record: async () => (calls++, 'ignored'),
    });
    await outbox.send(message('+66812345678'));
    await until(() => calls === 2);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(2);
    await outbox.send(message('+66812345678'));
    outbox.dispose();
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(2);
  });
});
