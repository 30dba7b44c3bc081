/**
 * Dead letters: what could not be processed, with its keys and the reason, for a person to
 * see and replay. Never PII: no phone number, no message text, no tip text or contact.
 */
import type { StreamTriggerKey } from '../triggers.js';

/** An alert message the provider refused for good, or that exhausted its retries. */
export interface AlertDeadLetter {
  kind: 'alert';
  alertId: string;
  volunteerId: string;
  hotspotId: string;
  /** The provider's error name, e.g. `ThrottledException`. */
  errorCode: string;
  /** Whether a later replay may succeed (throttling) or not (bad number). */
  retryable: boolean;
  attempts: number;
  failedAt: string;
}

/** Stream records a handler gave up on (over a work cap, or a record it cannot read). */
export interface StreamDeadLetter {
  kind: 'stream';
  stream: StreamTriggerKey;
  /** The records' sequence numbers, to find them again. */
  sequenceNumbers: string[];
  /** Ids of the items the records are about (tip or hotspot ids). */
  keys: string[];
  /** Why, in words an operator can act on. */
  reason: string;
  failedAt: string;
}

export type DeadLetter = AlertDeadLetter | StreamDeadLetter;
