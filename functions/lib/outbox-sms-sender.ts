import { randomUUID } from 'node:crypto';
import type { SmsSender } from '../../shared/ports.js';
import { maskPhone } from '../../shared/volunteers/phone.js';

export { maskPhone };

/**
 * The local stand-in for SNS. The alert log table is the outbox: every message is already
 * stored there (with its status) before it is "sent", so sending means printing one line,
 * with the number masked, and returning a local message id.
 */
export class OutboxSmsSender implements SmsSender {
  constructor(private readonly print: (line: string) => void = (line) => console.log(line)) {}

  async send(message: { to: string; text: string; alertId: string }): Promise<{ providerMessageId: string }> {
    this.print(`[outbox] SMS to ${maskPhone(message.to)} (alert ${message.alertId.slice(0, 8)}): ${message.text}`);
    return { providerMessageId: `local-${randomUUID()}` };
  }
}
