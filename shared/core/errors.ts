/**
 * Errors of the use cases. The API maps each to an HTTP status in one place
 * (`functions/api/router.ts`); each says what went wrong and how to fix the call.
 */

/** Someone else changed the record between read and write; read it again and retry. */
export class ConflictError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConflictError';
  }
}

/** A paging cursor this API did not hand out (forged, garbled or from another list). */
export class InvalidCursorError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('next is not a cursor this API returned; start again without it', options);
    this.name = 'InvalidCursorError';
  }
}

/** Input the schema let through but the use case cannot accept (a home point at sea, say). */
export class RejectedInputError extends Error {
  constructor(
    message: string,
    /** Field → what is wrong with it, as the API's `fields`. */
    readonly fields: Record<string, string>,
  ) {
    super(message);
    this.name = 'RejectedInputError';
  }
}

/** Too many requests for one key (a phone number, a client) in a window. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterS: number) {
    super(`too many requests; try again in ${retryAfterS} s`);
    this.name = 'RateLimitedError';
  }
}

/** An `Idempotency-Key` replayed with a different body: a client bug, never a retry. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('this Idempotency-Key was used with a different body; use a new key for a new tip');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** No record with this id (or an id that cannot be one). */
export class NotFoundError extends Error {
  /** @param what the kind of record; @param message a whole message instead of "no <what> with this id" */
  constructor(what: string, message = `no ${what} with this id`) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Another writer changed a hotspot since it was read; the batch fails and its retry recomputes on fresh data. */
export class HotspotConflictError extends Error {
  constructor(
    readonly hotspotId: string,
    options?: { cause?: unknown },
  ) {
    super(`hotspot ${hotspotId} changed since it was read`, options);
    this.name = 'HotspotConflictError';
  }
}
