import type { MessageSender, OutgoingMessage } from '../../shared/core/ports.js';
import { maskPhone } from '../../shared/volunteers/phone.js';

/**
 * The local stand-in for the SMS provider. The alert log table is the outbox: every message
 * is already stored there (with its status) before it is "sent", so sending means printing
 * one line, with the number masked, and returning a local message id.
 */
export class OutboxMessageSender implements MessageSender {
  readonly channel = 'sms' as const;

  constructor(
    private readonly ids: { uuid(): string },
    private readonly print: (line: string) => void = (line) => console.log(line),
  ) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    this.print(`[outbox] SMS to ${maskPhone(message.to)} (alert ${message.alertId.slice(0, 8)}): ${message.text}`);
    return { providerMessageId: `local-${this.ids.uuid()}` };
  }
}
