/**
 * Every stream trigger and schedule, declared once. Read by the CDK stack (event source
 * mappings, EventBridge schedules) and by the local host (stream pollers, timers), so both
 * batch, retry and repeat alike.
 */
import { KEY_PREFIX, TABLES, type TableKey } from './tables.js';

/** The functions that triggers invoke (each is `functions/<folder>/handler.ts`). */
export type TriggeredFunction =
  | 'hotspotUpdater'
  | 'alertDispatcher'
  | 'recompute'
  | 'alertDigest'
  | 'alertSweeper'
  | 'snapshotPublisher'
  | 'optOutWorker';

/** A DynamoDB stream read by a function, as Lambda's event source mapping does it. */
export interface StreamTriggerDef {
  /** The table whose stream is read. */
  table: TableKey;
  consumer: TriggeredFunction;
  /** Records per invocation (`BatchSize`). */
  batchSize: number;
  /** How long records are gathered before an invocation, seconds (`MaximumBatchingWindowInSeconds`). */
  maxBatchingWindowS: number;
  /** Retries of a failing batch before its records go to the failure queue (`MaximumRetryAttempts`). */
  retryAttempts: number;
  /** Records older than this go to the failure queue unprocessed, seconds (`MaximumRecordAgeInSeconds`). */
  maxRecordAgeS: number;
  /** Split a failing batch in halves to isolate a poison record. */
  bisectOnError: boolean;
  /**
   * Only records whose partition key begins with this reach the consumer: the other kinds of
   * item in the table never invoke it (Lambda event filtering on `dynamodb.Keys` in AWS; the
   * local pollers drop them alike). Absent: every record.
   */
  keyPrefix?: string;
}

/** Whether a record of `def`'s table with this partition key reaches its consumer. */
export function admitsKey(def: StreamTriggerDef, key: string): boolean {
  return def.keyPrefix === undefined || key.startsWith(def.keyPrefix);
}

/** The partition key attribute of `def`'s table, which `keyPrefix` is matched against. */
export function keyAttribute(def: StreamTriggerDef): string {
  return TABLES[def.table].partitionKey.name;
}

/** A function run on a fixed rate. */
export interface ScheduleDef {
  consumer: TriggeredFunction;
  /** Seconds between runs. */
  everyS: number;
  description: string;
}

export const STREAM_TRIGGERS = {
  // A burst of tips from one place is re-clustered once per batch.
  tips: {
    table: 'tips',
    consumer: 'hotspotUpdater',
    batchSize: 50,
    maxBatchingWindowS: 2,
    retryAttempts: 5,
    maxRecordAgeS: 86_400,
    bisectOnError: true,
  },
  hotspots: {
    table: 'hotspots',
    consumer: 'alertDispatcher',
    batchSize: 50,
    maxBatchingWindowS: 2,
    retryAttempts: 5,
    maxRecordAgeS: 86_400,
    bisectOnError: true,
    // Member pages share the table: written with every hotspot change, they alert nobody.
    keyPrefix: KEY_PREFIX.hotspot,
  },
  // Public opt-out requests are handled after the answer; one at a time is plenty.
  optOuts: {
    table: 'optOuts',
    consumer: 'optOutWorker',
    batchSize: 10,
    maxBatchingWindowS: 0,
    retryAttempts: 3,
    maxRecordAgeS: 86_400,
    bisectOnError: true,
    // The confirmation links (`tok#…`) share the table; only requests are work.
    keyPrefix: KEY_PREFIX.optOutRequest,
  },
} as const satisfies Record<string, StreamTriggerDef>;

export const SCHEDULES = {
  recompute: {
    consumer: 'recompute',
    everyS: 15 * 60,
    description: 'recompute hotspots from the whole window, age out stale ones',
  },
  alertDigest: {
    consumer: 'alertDigest',
    everyS: 15 * 60,
    description: 'send alerts held back by quiet hours as one digest per volunteer',
  },
  // Longer than a send takes, shorter than a volunteer would wait: a claim left by a crash
  // (lease expired, still queued) is sent within about one lease and one period.
  alertSweeper: {
    consumer: 'alertSweeper',
    everyS: 5 * 60,
    description: 'send alerts whose claim expired before they were sent (crash or timeout)',
  },
  // The public snapshot: hourly, so the public map never dates a single tip (issue 9).
  snapshotPublisher: {
    consumer: 'snapshotPublisher',
    everyS: 60 * 60,
    description: 'publish the public hotspot snapshot',
  },
} as const satisfies Record<string, ScheduleDef>;

export type StreamTriggerKey = keyof typeof STREAM_TRIGGERS;
export type ScheduleKey = keyof typeof SCHEDULES;
