import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StreamTriggerDef } from '../../shared/triggers.js';
import { SecureQueue } from './secure-queue.js';

/** One stream → function wiring, as `shared/triggers.ts` declares it. */
export interface StreamTrigger {
  table: dynamodb.ITable;
  fn: lambda.IFunction;
  def: StreamTriggerDef;
}

/** Props of {@link StreamTriggers}. */
export interface StreamTriggersProps {
  /** Tips stream → hotspot updater. */
  tips: StreamTrigger;
  /** Hotspots stream → alert dispatcher. */
  hotspots: StreamTrigger;
}

/**
 * The DynamoDB stream event source mappings of `shared/triggers.ts` (batch size, batching
 * window, bisecting, retries, record age); handlers report partial failures, and records that
 * still fail go to an encrypted SQS queue for replay (the handlers send their own dead letters there too).
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
        batchSize: trigger.def.batchSize,
        maxBatchingWindow: Duration.seconds(trigger.def.maxBatchingWindowS),
        bisectBatchOnError: trigger.def.bisectOnError,
        reportBatchItemFailures: true,
        retryAttempts: trigger.def.retryAttempts,
        maxRecordAge: Duration.seconds(trigger.def.maxRecordAgeS),
        onFailure: new sources.SqsDlq(failures),
      }),
    );
    return failures;
  }
}
