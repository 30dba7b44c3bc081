import type { DeadLetter } from '../dead-letter.js';
import type {
  Clock,
  IdSource,
  LogPort,
  MessageSender,
  OutgoingMessage,
  TipAuditLog,
  TipAuditRecord,
} from '../ports.js';

/** A clock tests set by hand. */
export class SettableClock implements Clock {
  constructor(public current: string) {}
  now(): string {
    return this.current;
  }
}

/** Ids from a counter: `00000000-0000-4000-8000-000000000001`, `PT-0000-0001`, … */
export function sequenceIds(): IdSource {
  let n = 0;
  return {
    uuid: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
    reference: () => `PT-0000-${(++n).toString(36).toUpperCase().padStart(4, '0')}`,
  };
}

/** A message sender that records what it sent and can be told to fail. */
export class RecordingSender implements MessageSender {
  readonly channel = 'sms' as const;
  readonly sent: OutgoingMessage[] = [];
  failWith?: Error;

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    if (this.failWith) throw this.failWith;
    this.sent.push(message);
    return { providerMessageId: `m-${this.sent.length}` };
  }
}

/** Dead letters kept in a list. */
export class MemoryDeadLetters {
  readonly letters: DeadLetter[] = [];
  async put(letter: DeadLetter): Promise<void> {
    this.letters.push(letter);
  }
}

/** Log lines kept in a list. */
export class MemoryLog implements LogPort {
  readonly lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  info(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'info', message, fields });
  }
  warn(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'warn', message, fields });
  }
  error(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'error', message, fields });
  }
}

/** The tip-read audit trail in memory. */
export class MemoryTipAuditLog implements TipAuditLog {
  readonly records: TipAuditRecord[] = [];
  async record(entry: TipAuditRecord) {
    this.records.push(entry);
  }
  async list(tipId: string, limit: number) {
    return this.records
      .filter((r) => r.tipId === tipId)
      .sort((a, b) => (a.at < b.at ? 1 : -1))
      .slice(0, limit);
  }
}
