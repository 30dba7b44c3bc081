/** Errors of the hotspot engine; each carries an actionable message and an optional cause. */

/** The caller passed points or options the engine cannot use (non-finite coordinates, bad eps). */
export class HotspotInputError extends Error {
  /** @param message what is wrong and how to fix the call. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HotspotInputError';
  }
}

/**
 * One re-clustering would load more than its cap allows (area, cells or tips). The stream
 * handler reports the neighbourhood's records as failed with this reason and sends them to
 * the failure queue; the scheduled full recomputation still covers them.
 */
export class WorkLimitError extends Error {
  constructor(
    /** Which cap: `span`, `cells` or `tips`. */
    readonly limit: 'span' | 'cells' | 'tips',
    message: string,
  ) {
    super(message);
    this.name = 'WorkLimitError';
  }
}

/**
 * An active hotspot inside the working box was not among the hotspots the incremental update
 * read (the store's index lags a recent write): the result would not be exact. Retry the batch.
 */
export class StaleHotspotsError extends Error {
  constructor(readonly hotspotId: string) {
    super(`hotspot ${hotspotId} lies in the working area but was not read with it; read again and retry`);
    this.name = 'StaleHotspotsError';
  }
}
