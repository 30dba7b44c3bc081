import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SecureQueue } from './secure-queue.js';

/** One stream → function wiring. */
export interface StreamTrigger {
  table: dynamodb.ITable;
  fn: lambda.IFunction;
}

/** Props of {@link StreamTriggers}. */
export interface StreamTriggersProps {
  /** Tips stream → hotspot updater. */
  tips: StreamTrigger;
  /** Hotspots stream → alert dispatcher. */
  hotspots: StreamTrigger;
}

/**
 * The DynamoDB stream event source mappings. Batches of up to 50 records gathered for at most
 * 2 s (a burst of tips from one place is re-clustered once); a failing batch is split in
 * halves to isolate a poison record, handlers report partial failures, and records that still
 * fail after 5 retries (or are older than a day) go to an encrypted SQS queue for replay.
 */
export class StreamTriggers extends Construct {
  /** Failure destinations (record metadata for replay), by stream. */
  readonly failureQueues: { tips: sqs.Queue; hotspots: sqs.Queue };

  constructor(scope: Construct, id: string, props: StreamTriggersProps) {
    super(scope, id);
    this.failureQueues = {
      tips: this.wire('Tips', props.tips),
      hotspots: this.wire('Hotspots', props.hotspots),
    };
  }

  private wire(id: string, trigger: StreamTrigger): sqs.Queue {
    const failures = new SecureQueue(this, `${id}Failures`).queue;
    trigger.fn.addEventSource(
      new sources.DynamoEventSource(trigger.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 50,
        maxBatchingWindow: Duration.seconds(2),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        onFailure: new sources.SqsDlq(failures),
      }),
    );
    return failures;
  }
}
