import { Duration } from 'aws-cdk-lib';
import type { TableKey } from '../../shared/tables.js';
import type { TriggeredFunction } from '../../shared/triggers.js';

/** The Lambda functions by role; each maps to `functions/<folder>/handler.ts`. */
export type FunctionKey = 'api' | TriggeredFunction | 'messageSender' | 'deliveryReceipts';

/**
 * What a function does with SMS: `sender` calls the provider itself (the send queue's
 * consumer, and the opt-out worker's one-time links); `enqueuer` claims alerts and puts their
 * ids on the send queue. Both may write the alert dead-letter queue.
 */
export type SmsRole = 'sender' | 'enqueuer' | 'none';

export interface FunctionSpec {
  entry: string;
  description: string;
  timeout: Duration;
  memorySize: number;
  read: TableKey[];
  readWrite: TableKey[];
  /** The table whose stream invokes the function (wired in stream-triggers.ts). */
  streamSource?: TableKey;
  sms: SmsRole;
  /** Invoked asynchronously (a schedule, an SNS topic): gets an on-failure destination. */
  async: boolean;
}

/** What each function runs and may touch (least privilege: only the tables it uses). */
export const FUNCTION_SPECS: Record<FunctionKey, FunctionSpec> = {
  api: {
    entry: 'functions/api/handler.ts',
    description: 'Phithak HTTP API (every /api route)',
    timeout: Duration.seconds(10),
    memorySize: 1024,
    read: ['hotspots'],
    readWrite: [
      'tips',
      'idempotency',
      'volunteers',
      'volunteerCells',
      'alerts',
      'tipAudit',
      'snapshots',
      'optOuts',
      'rateLimits',
    ],
    sms: 'enqueuer', // test alerts
    async: false,
  },
  hotspotUpdater: {
    entry: 'functions/hotspot-updater/handler.ts',
    description: 'Tips stream: re-cluster around new tips, upsert hotspots',
    timeout: Duration.seconds(60),
    memorySize: 1024,
    read: ['tips'],
    readWrite: ['hotspots'],
    streamSource: 'tips',
    sms: 'none',
    async: false,
  },
  alertDispatcher: {
    entry: 'functions/alert-dispatcher/handler.ts',
    description: 'Hotspots stream: claim alerts for volunteers near new or escalated hotspots',
    timeout: Duration.seconds(60),
    memorySize: 512,
    // The hotspot comes from the stream image; the stream grant comes with the event source.
    read: ['volunteers', 'volunteerCells'],
    readWrite: ['alerts'],
    streamSource: 'hotspots',
    sms: 'enqueuer',
    async: false,
  },
  recompute: {
    entry: 'functions/recompute/handler.ts',
    description: 'Every 15 min: full hotspot recomputation and ageing out',
    timeout: Duration.minutes(5),
    memorySize: 1024,
    read: ['tips'],
    readWrite: ['hotspots'],
    sms: 'none',
    async: true,
  },
  alertDigest: {
    entry: 'functions/alert-digest/handler.ts',
    description: 'Every 15 min: send alerts held back by quiet hours as digests',
    timeout: Duration.minutes(2),
    memorySize: 512,
    read: ['volunteers'],
    readWrite: ['alerts'],
    sms: 'enqueuer',
    async: true,
  },
  alertSweeper: {
    entry: 'functions/alert-sweeper/handler.ts',
    description: 'Every 5 min: finish alerts whose claim expired before they were sent',
    timeout: Duration.minutes(2),
    memorySize: 512,
    read: ['volunteers'],
    readWrite: ['alerts'],
    sms: 'enqueuer',
    async: true,
  },
  optOutWorker: {
    entry: 'functions/opt-out-worker/handler.ts',
    description: 'Opt-out requests stream: one-time confirmation SMS to registered numbers',
    timeout: Duration.seconds(30),
    memorySize: 512,
    read: ['volunteers'],
    readWrite: ['optOuts'],
    streamSource: 'optOuts',
    sms: 'sender',
    async: false,
  },
  snapshotPublisher: {
    entry: 'functions/snapshot-publisher/handler.ts',
    description: 'Hourly: publish the public hotspot snapshot',
    timeout: Duration.minutes(2),
    memorySize: 1024,
    read: ['hotspots'],
    readWrite: ['snapshots'],
    sms: 'none',
    async: true,
  },
  messageSender: {
    entry: 'functions/message-sender/handler.ts',
    description: 'Send queue: one SMS per claimed alert, at the configured messages per second',
    timeout: Duration.seconds(60),
    memorySize: 512,
    read: ['volunteers'],
    readWrite: ['alerts'],
    sms: 'sender',
    async: false,
  },
  deliveryReceipts: {
    entry: 'functions/delivery-receipts/handler.ts',
    description: 'SMS delivery events: delivered or undelivered on the alert',
    timeout: Duration.seconds(30),
    memorySize: 256,
    read: [],
    readWrite: ['alerts'],
    sms: 'none',
    async: true,
  },
};
