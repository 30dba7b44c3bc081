import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { keyAttribute, type StreamTriggerDef, type StreamTriggerKey } from '../../shared/triggers.js';
import { SecureQueue } from './secure-queue.js';

/** One stream → function wiring, as `shared/triggers.ts` declares it. */
export interface StreamTrigger {
  table: dynamodb.ITable;
  fn: lambda.IFunction;
  def: StreamTriggerDef;
}

/** Props of {@link StreamTriggers}: every stream of `shared/triggers.ts` with its table and function. */
export type StreamTriggersProps = Record<StreamTriggerKey, StreamTrigger>;

/**
 * The DynamoDB stream event source mappings of `shared/triggers.ts` (batch size, batching
 * window, bisecting, retries, record age, the key filter); handlers report partial failures, and records that
 * still fail go to an encrypted SQS queue for replay (the handlers send their own dead letters there too).
 */
export class StreamTriggers extends Construct {
  /** Failure destinations (record metadata for replay), by stream. */
  readonly failureQueues: Record<StreamTriggerKey, sqs.Queue>;

  constructor(scope: Construct, id: string, props: StreamTriggersProps) {
    super(scope, id);
    const keys = Object.keys(props) as StreamTriggerKey[];
    this.failureQueues = Object.fromEntries(
      keys.map((key) => [key, this.wire(key.charAt(0).toUpperCase() + key.slice(1), props[key])]),
    ) as Record<StreamTriggerKey, sqs.Queue>;
  }

  private wire(id: string, trigger: StreamTrigger): sqs.Queue {
    const failures = new SecureQueue(this, `${id}Failures`).queue;
    const { keyPrefix } = trigger.def;
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
        // Records of other kinds of item are dropped by Lambda before they cost an invocation.
        filters:
          keyPrefix === undefined
            ? undefined
            : [
                lambda.FilterCriteria.filter({
                  dynamodb: { Keys: { [keyAttribute(trigger.def)]: { S: lambda.FilterRule.beginsWith(keyPrefix) } } },
                }),
              ],
      }),
    );
    return failures;
  }
}
