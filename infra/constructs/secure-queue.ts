import { Duration, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * A terminal failure queue: encrypted (SQS-managed keys), TLS-only, 14-day retention (the
 * maximum) so an operator has two weeks to inspect and replay what failed.
 */
export class SecureQueue extends Construct {
  readonly queue: sqs.Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter / failure destination; messages stay for inspection and replay.',
    });
    Validations.of(this.queue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself a dead-letter / failure destination with no consumer: nothing receives from it ' +
        'to fail, and its depth alarm calls a person (redrive: docs/deploy.md).',
    });
  }
}
