/** A message the provider would not take. `retryable` says whether trying later may work. */
export class MessageSendError extends Error {
  constructor(
    message: string,
    /** False for permanent refusals (bad number, opted out at the carrier, bad config). */
    readonly retryable: boolean,
    /** Attempts made before giving up. */
    readonly attempts: number,
    /** The provider's error name, safe to log and store (no number, no text). */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MessageSendError';
  }
}
