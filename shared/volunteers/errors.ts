/**
 * Errors of the volunteer registry. Each carries a message that tells the caller how to
 * fix the input, and the underlying `cause` when there is one.
 */

/** A phone number that cannot be read as a valid, dialable number. */
export class InvalidPhoneError extends Error {
  constructor(
    message: string,
    /** What the person typed (kept for the API's field error, never logged). */
    readonly input: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InvalidPhoneError';
  }
}

/** An alert radius or location outside what the spatial key can cover. */
export class InvalidCoverageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidCoverageError';
  }
}
