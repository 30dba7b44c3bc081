/** Errors of the hotspot engine; each carries an actionable message and an optional cause. */

/** The caller passed points or options the engine cannot use (non-finite coordinates, bad eps). */
export class HotspotInputError extends Error {
  /** @param message what is wrong and how to fix the call. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HotspotInputError';
  }
}
