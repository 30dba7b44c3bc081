/** One printed line of `npm run bench`. */
export interface BenchRow {
  /** Issue area: geocoder, hotspots, alerts. */
  area: string;
  metric: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "<= 150 ms" or ">= 300x". */
  target?: string;
  /** Whether the measured value meets the target (absent when there is no target). */
  pass?: boolean;
  /** Extra context: baseline figure, input size, ratio. */
  note?: string;
}

/** Each area's bench module exports `run`. */
export type BenchModule = { run: () => Promise<BenchRow[]> };
