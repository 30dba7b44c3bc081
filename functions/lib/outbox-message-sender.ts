import type { ReceiptEvent, ReceiptOutcome } from '../../shared/core/record-delivery-receipt.js';
import type { MessageSender, OutgoingMessage } from '../../shared/core/ports.js';
import { maskPhone } from '../../shared/volunteers/phone.js';

/** A number ending in this is "unreachable" locally, so the UI can show an undelivered alert. */
export const UNDELIVERED_SUFFIX = '0000';

/** Simulated delivery receipts: after `delayMs`, each message gets one, through the real use case. */
export interface OutboxReceipts {
  delayMs: number;
  record(receipt: ReceiptEvent): Promise<ReceiptOutcome>;
  /** When the receipt is dated; the system clock by default. */
  now?: () => string;
}

/**
 * The local stand-in for the SMS provider. The alert log table is the outbox: every message
 * is already stored there (with its status) before it is "sent", so sending means printing
 * one line, with the number masked, and returning a local message id. With `receipts`, it
 * also plays the provider's delivery events: `TEXT_DELIVERED` a moment later, or
 * `TEXT_UNREACHABLE` for numbers ending in {@link UNDELIVERED_SUFFIX}.
 */
export class OutboxMessageSender implements MessageSender {
  readonly channel = 'sms' as const;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly ids: { uuid(): string },
    private readonly print: (line: string) => void = (line) => console.log(line),
    private readonly receipts?: OutboxReceipts,
  ) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    this.print(`[outbox] SMS to ${maskPhone(message.to)} (alert ${message.alertId.slice(0, 8)}): ${message.text}`);
    if (this.receipts) this.scheduleReceipt(message, this.receipts);
    return { providerMessageId: `local-${this.ids.uuid()}` };
  }

  /** Stops pending receipts (the local host is stopping). */
  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** The send is recorded as `sent` just after this returns: a receipt that comes first is tried once more. */
  private scheduleReceipt(message: OutgoingMessage, receipts: OutboxReceipts, attempt = 1): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const undelivered = message.to.endsWith(UNDELIVERED_SUFFIX);
      const receipt: ReceiptEvent = {
        alertId: message.alertId,
        status: undelivered ? 'undelivered' : 'delivered',
        code: undelivered ? 'TEXT_UNREACHABLE' : 'TEXT_DELIVERED',
        at: receipts.now?.() ?? new Date().toISOString(),
      };
      receipts.record(receipt).then(
        (outcome) => {
          if (outcome === 'ignored' && attempt < 2) this.scheduleReceipt(message, receipts, attempt + 1);
        },
        (err: Error) => this.print(`[outbox] receipt not recorded: ${err.name}`),
      );
    }, receipts.delayMs);
    timer.unref?.();
    this.timers.add(timer);
  }
}
