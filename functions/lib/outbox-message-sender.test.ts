import { describe, expect, it } from 'vitest';
import { OutboxMessageSender } from './outbox-message-sender.js';

describe('OutboxMessageSender', () => {
  it('prints one line with the number masked and returns a local message id', async () => {
    const lines: string[] = [];
    const out = await new OutboxMessageSender({ uuid: () => 'u-1' }, (l) => lines.push(l)).send({
      channel: 'sms',
      to: '+66812345678',
      text: 'พิทักษ์: ทดสอบ',
      alertId: 'abcdef0123456789',
    });
    expect(out.providerMessageId).toMatch(/^local-/);
    expect(lines).toEqual(['[outbox] SMS to +66******678 (alert abcdef01): พิทักษ์: ทดสอบ']);
    expect(lines[0]).not.toContain('812345678');
  });
});
