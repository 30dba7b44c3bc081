/** Errors of the service area; each message says what was wrong and how to fix the call. */

/**
 * The caller passed an area, option or point the service area cannot use (an empty or
 * malformed GeoJSON, an unknown province code, a buffer out of range, a NaN coordinate).
 */
export class ServiceAreaError extends Error {
  /** @param message what is wrong and how to fix the call. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServiceAreaError';
  }
}
