import { Duration, Names, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SecureQueue } from './secure-queue.js';

/** Queue messages per sender invocation. */
export const SEND_BATCH_SIZE = 10;
/** Deliveries of a queue message before it moves to the send queue's DLQ. */
export const SEND_MAX_RECEIVES = 5;

/**
 * How the sender holds `messagesPerSecond`: `concurrency` instances (reserved, so no more can
 * run), each taking at least `intervalMs` per message, send at most
 * concurrency × 1000 / intervalMs = messagesPerSecond. One instance per 5 msg/s (at most 10),
 * so one slow call does not stall the queue. E.g. 10 msg/s → 2 instances × one message per
 * 200 ms; a batch of 10 takes ≥ 2 s, well inside the function's 60 s timeout.
 */
export function sendRate(messagesPerSecond: number): { concurrency: number; intervalMs: number } {
  const concurrency = Math.min(10, Math.max(1, Math.ceil(messagesPerSecond / 5)));
  return { concurrency, intervalMs: Math.ceil((1000 * concurrency) / messagesPerSecond) };
}

/** Props of {@link SendPipeline}. */
export interface SendPipelineProps {
  /** The sender function (its reserved concurrency is set where it is created). */
  sender: lambda.IFunction;
  /** The sender's timeout; the queue's visibility timeout is six times it, as Lambda advises. */
  senderTimeout: Duration;
}

/**
 * The send queue between the functions that claim alerts and the one that sends them:
 * encrypted, TLS-only, the ids of claimed alerts only. The sender reports partial batch
 * failures; a message that fails {@link SEND_MAX_RECEIVES} times moves to the dead-letter
 * queue (alarmed; redrive: docs/deploy.md).
 */
export class SendPipeline extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: SendPipelineProps) {
    super(scope, id);
    this.deadLetters = new SecureQueue(this, 'DeadLetters').queue;
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.senderTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: SEND_MAX_RECEIVES },
    });
    const source = new sources.SqsEventSource(this.queue, {
      batchSize: SEND_BATCH_SIZE,
      maxBatchingWindow: Duration.seconds(1),
      reportBatchItemFailures: true,
    });
    props.sender.addEventSource(source);
    const mapping = props.sender.node.tryFindChild(`SqsEventSource:${Names.nodeUniqueId(this.queue.node)}`);
    if (mapping) {
      Validations.of(mapping).acknowledge({
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason:
          `SQS event source mappings take no on-failure destination; the send queue's redrive policy moves a ` +
          `message that failed ${SEND_MAX_RECEIVES} times to its dead-letter queue (alarmed).`,
      });
    }
  }
}
