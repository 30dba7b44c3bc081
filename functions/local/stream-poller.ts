import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { localLambdaContext } from './lambda-context.js';

export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPollerOptions {
  name: string;
  ddb: DynamoDBClient;
  endpoint: string;
  tableName: string;
  handler: StreamHandler;
  /** Records per invocation, as the event source mapping's BatchSize. */
  batchSize?: number;
  /** How long records are gathered to fill a batch, ms (MaximumBatchingWindowInSeconds). */
  maxBatchingWindowMs?: number;
  /** Retries of a failing batch before it goes to the failure log (MaximumRetryAttempts). */
  maxRetries?: number;
  /** Idle poll interval, ms; Lambda polls a shard about four times a second. */
  pollMs?: number;
  /** JSON file for shard checkpoints, so a restart resumes where it stopped. */
  checkpointFile?: string;
  /**
   * Which records reach the handler, as the event source mapping's filter criteria: the rest
   * are passed over (checkpointed, never delivered). Absent: every record.
   */
  admits?: (record: DynamoDBRecord) => boolean;
  /** Called with batches that exhausted their retries (the on-failure destination). */
  onFailure?: (records: DynamoDBRecord[], error: string) => void | Promise<void>;
}

type StreamImage = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

/**
 * Lambda delivers an empty map as `{"M": {}}`; the SDK's stream client deserialises it as
 * `{}`. Put it back, so handlers see what they see in AWS.
 */
function lambdaImage(image: Record<string, unknown> | undefined): StreamImage | undefined {
  if (!image) return undefined;
  const fix = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const value = v as Record<string, unknown>;
    if (Object.keys(value).length === 0) return { M: {} };
    if (value.M) return { M: Object.fromEntries(Object.entries(value.M as object).map(([k, x]) => [k, fix(x)])) };
    if (Array.isArray(value.L)) return { L: value.L.map(fix) };
    return value;
  };
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, fix(v)])) as StreamImage;
}

/** Converts an SDK stream record to the shape Lambda passes to a stream handler. */
export function toLambdaRecord(r: StreamRecord, arn: string): DynamoDBRecord {
  const d = r.dynamodb ?? {};
  const created = d.ApproximateCreationDateTime;
  return {
    eventID: r.eventID,
    eventName: r.eventName as DynamoDBRecord['eventName'],
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: r.awsRegion ?? 'ap-southeast-1',
    eventSourceARN: arn,
    dynamodb: {
      ...(d as DynamoDBRecord['dynamodb']),
      NewImage: lambdaImage(d.NewImage as Record<string, unknown> | undefined),
      OldImage: lambdaImage(d.OldImage as Record<string, unknown> | undefined),
      ApproximateCreationDateTime:
        created instanceof Date ? Math.floor(created.getTime() / 1000) : (created as number | undefined),
    },
  } as DynamoDBRecord;
}

/**
 * Plays Lambda's DynamoDB event source mapping against DynamoDB Local's real stream:
 * shards in lineage order, batches of `batchSize`, retries with backoff, partial batch
 * failures (`batchItemFailures`: resume from the lowest failed record), and an
 * on-failure callback once retries are exhausted. One shard at a time, in order.
 */
export class StreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  private readonly checkpoints = new Map<string, string>();
  private readonly done = new Set<string>();
  private running = false;
  private loop?: Promise<void>;
  private idle = true;
  private wake?: () => void;
  /** The last poll error printed, and when: an outage is reported once, not ten times a second. */
  private lastError?: { message: string; at: number };

  constructor(private readonly o: StreamPollerOptions) {
    this.streams = new DynamoDBStreamsClient({
      region: 'ap-southeast-1',
      endpoint: o.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    if (o.checkpointFile && existsSync(o.checkpointFile)) {
      try {
        const saved = JSON.parse(readFileSync(o.checkpointFile, 'utf8')) as {
          checkpoints: Record<string, string>;
          done: string[];
        };
        for (const [k, v] of Object.entries(saved.checkpoints ?? {})) this.checkpoints.set(k, v);
        for (const s of saved.done ?? []) this.done.add(s);
      } catch {
        // Unreadable: start from the oldest record (handlers are idempotent) rather than not at all.
        console.error(`[${o.name}] checkpoints unreadable; reading the stream from its start`);
      }
    }
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.streams.destroy();
  }

  /** True when the last pass found no new records (tests wait on this). */
  get isIdle(): boolean {
    return this.idle;
  }

  private async streamArn(): Promise<string> {
    const table = await this.o.ddb.send(new DescribeTableCommand({ TableName: this.o.tableName }));
    const arn = table.Table?.LatestStreamArn;
    if (!arn) throw new Error(`table ${this.o.tableName} has no stream`);
    return arn;
  }

  private async run(): Promise<void> {
    let arn: string | undefined;
    while (this.running) {
      let got = 0;
      try {
        arn ??= await this.streamArn();
        for (const shard of await this.shardsInOrder(arn)) {
          if (!this.running) break;
          got += await this.drainShard(arn, shard);
        }
        if (this.lastError) {
          console.error(`[${this.o.name}] polling again`);
          this.lastError = undefined;
        }
      } catch (err) {
        // The table may be new (a restarted in-memory database): describe it again.
        arn = undefined;
        const message = (err as Error).message;
        const now = Date.now();
        if (!this.lastError || this.lastError.message !== message || now - this.lastError.at > 60_000) {
          console.error(`[${this.o.name}] poll failed (retrying): ${message}`);
          this.lastError = { message, at: now };
        }
        // Back off while the database is away, so an outage costs no CPU.
        await this.sleep(1000);
      }
      this.idle = got === 0;
      if (this.idle) await this.sleep(this.o.pollMs ?? 200);
    }
  }

  private async shardsInOrder(arn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const out = await this.streams.send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }));
      shards.push(...(out.StreamDescription?.Shards ?? []));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    const ids = new Set(shards.map((s) => s.ShardId));
    // A shard is read only after its parent is finished (or gone from the stream).
    return shards.filter(
      (s) =>
        !this.done.has(s.ShardId!) && (!s.ParentShardId || !ids.has(s.ParentShardId) || this.done.has(s.ParentShardId)),
    );
  }

  private async iterator(arn: string, shardId: string): Promise<string | undefined> {
    const after = this.checkpoints.get(shardId);
    try {
      const out = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: arn,
          ShardId: shardId,
          ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
          SequenceNumber: after,
        }),
      );
      return out.ShardIterator;
    } catch (err) {
      if (after && err instanceof TrimmedDataAccessException) {
        this.checkpoints.delete(shardId);
        return this.iterator(arn, shardId);
      }
      throw err;
    }
  }

  /** Reads one shard until it has no more records now; returns how many were handled. */
  private async drainShard(arn: string, shard: Shard): Promise<number> {
    const shardId = shard.ShardId!;
    let it = await this.iterator(arn, shardId);
    let handled = 0;
    while (it && this.running) {
      let out: GetRecordsCommandOutput;
      try {
        out = await this.streams.send(new GetRecordsCommand({ ShardIterator: it, Limit: this.o.batchSize ?? 100 }));
      } catch (err) {
        // An expired iterator is renewed on the next pass; a trimmed position (DynamoDB
        // Local reports it briefly after a table is created) restarts from the horizon.
        if (err instanceof ExpiredIteratorException) return handled;
        if (err instanceof TrimmedDataAccessException) {
          this.checkpoints.delete(shardId);
          return handled;
        }
        throw err;
      }
      const records = (out.Records ?? []).map((r) => toLambdaRecord(r, arn));
      // Busy from the first record on, while the batch fills and is handled (tests wait on this).
      if (records.length) this.idle = false;
      let next = out.NextShardIterator;
      // Gather up to the batching window to fill the batch, as the event source mapping does.
      const windowEnds = Date.now() + (this.o.maxBatchingWindowMs ?? 0);
      const batchSize = this.o.batchSize ?? 100;
      while (records.length && records.length < batchSize && next && Date.now() < windowEnds && this.running) {
        await this.sleep(Math.min(200, windowEnds - Date.now()));
        const more = await this.streams.send(
          new GetRecordsCommand({ ShardIterator: next, Limit: batchSize - records.length }),
        );
        records.push(...(more.Records ?? []).map((r) => toLambdaRecord(r, arn)));
        next = more.NextShardIterator;
      }
      if (records.length) {
        const admitted = this.o.admits ? records.filter(this.o.admits) : records;
        if (admitted.length) await this.deliver(admitted);
        this.checkpoints.set(shardId, records[records.length - 1].dynamodb!.SequenceNumber!);
        this.save();
        handled += records.length;
      }
      if (!next) {
        this.done.add(shardId);
        this.save();
        return handled;
      }
      if (!records.length) return handled;
      it = next;
    }
    return handled;
  }

  /** Invokes the handler until the batch succeeds or its retries are exhausted. */
  private async deliver(batch: DynamoDBRecord[]): Promise<void> {
    let pending = batch;
    for (let attempt = 0; pending.length; attempt++) {
      let error = '';
      try {
        const res = await this.o.handler({ Records: pending }, localLambdaContext(this.o.name));
        const failed = new Set((res?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        if (!failed.size) return;
        // Lambda resumes from the lowest failed sequence number: everything before it is done.
        const first = pending.findIndex((r) => failed.has(r.dynamodb!.SequenceNumber!));
        pending = first < 0 ? pending : pending.slice(first);
        error = `${failed.size} record(s) reported as failed`;
      } catch (err) {
        error = (err as Error).message;
      }
      if (attempt >= (this.o.maxRetries ?? 3)) {
        await this.o.onFailure?.(pending, error);
        console.error(
          `[${this.o.name}] gave up on ${pending.length} record(s) after ${attempt + 1} attempts: ${error}`,
        );
        return;
      }
      await this.sleep(Math.min(2000, 100 * 2 ** attempt));
    }
  }

  /** Writes the checkpoints atomically (a temporary file renamed over the old), so a crash never leaves half a file. */
  private save(): void {
    if (!this.o.checkpointFile) return;
    const tmp = `${this.o.checkpointFile}.tmp`;
    writeFileSync(tmp, JSON.stringify({ checkpoints: Object.fromEntries(this.checkpoints), done: [...this.done] }), {
      mode: 0o600,
    });
    renameSync(tmp, this.o.checkpointFile);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }
}
