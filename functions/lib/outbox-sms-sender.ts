import { randomUUID } from 'node:crypto';
import type { SmsSender } from '../../shared/ports.js';

/** `+66812345678` → `+66••••••678`: enough to tell numbers apart in a console, not to call one. */
export function maskPhone(e164: string): string {
  return e164.length <= 6 ? '•••' : `${e164.slice(0, 3)}${'•'.repeat(e164.length - 6)}${e164.slice(-3)}`;
}

/**
 * The local stand-in for SNS: the alert log table already holds each message (the outbox),
 * so sending means printing one line and returning a local message id.
 */
export class OutboxSmsSender implements SmsSender {
  constructor(private readonly print: (line: string) => void = (line) => console.log(line)) {}

  async send(message: { to: string; text: string; alertId: string }): Promise<{ providerMessageId: string }> {
    this.print(`[outbox] SMS to ${maskPhone(message.to)}: ${message.text}`);
    return { providerMessageId: `local-${randomUUID()}` };
  }
}
