/**
 * The dead-letter port: where an SMS goes when the provider refused it for good or it
 * exhausted its retries. The alert itself is marked `failed` in the alert log; the dead
 * letter is the operational signal (an alarm fires on it) and the record to replay from.
 */

/** One dead letter: what failed and why. No phone number and no message text (PII stays in the log). */
export interface AlertDeadLetter {
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

/** Receives dead letters. SQS in AWS; locally the alert log itself (see the adapters). */
export interface AlertDeadLetterQueue {
  put(letter: AlertDeadLetter): Promise<void>;
}
