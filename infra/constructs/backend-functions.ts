import { Aws, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TABLES, tableEnvName, type TableKey } from '../../shared/tables.js';
import { FUNCTION_SPECS, type FunctionKey, type FunctionSpec } from './function-specs.js';
import { HandlerFunction } from './handler-function.js';
import { SecureQueue } from './secure-queue.js';
import { KEY_WRITE_ACTIONS, grantTableAccess } from './table-access.js';

export { FUNCTION_SPECS, type FunctionKey } from './function-specs.js';

/** Props of {@link BackendFunctions}. */
export interface BackendFunctionsProps {
  tables: Record<TableKey, dynamodb.ITable>;
  /** The customer-managed key of the tables. */
  tableKey: kms.IKey;
  gazetteerIndexPath: string;
  /** Where SMS sends that exhaust their retries go (`ALERT_DLQ_URL`). */
  alertDlq: sqs.IQueue;
  /** Variables every function gets besides table names (retention, metrics namespace...). */
  environment: Record<string, string>;
  /** Variables of the functions that send SMS themselves (provider, sender ID, configuration set...). */
  smsEnvironment: Record<string, string>;
  /** Stage name, in each function's Powertools service name. */
  stage: string;
  /** `sns`: senders get `sns:Publish` to phone numbers; `eum` grants come from the SMS construct. */
  smsProvider: 'eum' | 'sns';
  /** Reserved concurrency by function (the SMS sender's rate limit). */
  reservedConcurrency?: Partial<Record<FunctionKey, number>>;
}

/**
 * Every function with its environment and least-privilege table grants. Functions invoked
 * asynchronously (schedules, the receipts topic) retry twice, then send the event to one
 * encrypted failure queue (alarmed); SMS grants are added by the stack (sms-grants.ts).
 */
export class BackendFunctions extends Construct {
  readonly functions: Record<FunctionKey, HandlerFunction>;
  /** On-failure destination of every asynchronously invoked function. */
  readonly asyncFailures: sqs.Queue;

  constructor(scope: Construct, id: string, props: BackendFunctionsProps) {
    super(scope, id);
    this.asyncFailures = new SecureQueue(this, 'AsyncFailures').queue;
    const tableNames = Object.fromEntries(
      (Object.keys(TABLES) as TableKey[]).map((key) => [tableEnvName(key), props.tables[key].tableName]),
    );
    const keys = Object.keys(FUNCTION_SPECS) as FunctionKey[];
    const built = keys.map((key) => {
      const spec = FUNCTION_SPECS[key];
      const handler = new HandlerFunction(this, key, {
        entry: spec.entry,
        description: spec.description,
        gazetteerIndexPath: props.gazetteerIndexPath,
        timeout: spec.timeout,
        memorySize: spec.memorySize,
        reservedConcurrentExecutions: props.reservedConcurrency?.[key],
        environment: {
          ...tableNames,
          ...props.environment,
          ...(spec.sms === 'sender' ? props.smsEnvironment : {}),
          AUTH_MODE: 'cognito',
          POWERTOOLS_SERVICE_NAME: `phithak-${props.stage}-${key}`,
          ...(spec.sms === 'none' ? {} : { ALERT_DLQ_URL: props.alertDlq.queueUrl }),
        },
      });
      this.grant(handler, spec, props);
      if (spec.async) {
        handler.fn.configureAsyncInvoke({
          retryAttempts: 2,
          onFailure: new destinations.SqsDestination(this.asyncFailures),
        });
      }
      return [key, handler] as const;
    });
    this.functions = Object.fromEntries(built) as Record<FunctionKey, HandlerFunction>;
  }

  private grant(handler: HandlerFunction, spec: FunctionSpec, props: BackendFunctionsProps): void {
    for (const key of spec.read) grantTableAccess(handler.fn, key, props.tables[key], props.tableKey, 'read');
    for (const key of spec.readWrite) grantTableAccess(handler.fn, key, props.tables[key], props.tableKey, 'readWrite');
    if (spec.sms !== 'none') props.alertDlq.grantSendMessages(handler.fn);
    const snsSender = spec.sms === 'sender' && props.smsProvider === 'sns';
    if (snsSender) {
      // Direct-to-phone SMS has no topic ARN to scope to: SNS only accepts `*` here...
      handler.fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
      // ...but never to a topic: what remains allowed is a publish to a phone number.
      handler.fn.addToRolePolicy(
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          actions: ['sns:Publish'],
          resources: [`arn:${Aws.PARTITION}:sns:*:*:*`],
        }),
      );
    }
    acknowledgeWildcards(handler, spec, snsSender);
    Validations.of(handler.fn).acknowledge({ id: 'Serverless-LambdaDLQ', reason: failurePathOf(spec) });
  }
}

/** Where a failed invocation of this function ends up, instead of a function-level DLQ. */
function failurePathOf(spec: FunctionSpec): string {
  if (spec.async) {
    return 'Invoked asynchronously: an on-failure destination (EventInvokeConfig, 2 retries) sends failed events to the alarmed AsyncFailures queue, which supersedes a DLQ.';
  }
  if (spec.streamSource) {
    return `Invoked by the ${spec.streamSource} stream's event source mapping, whose on-failure destination is that stream's alarmed failure queue; a DLQ applies to asynchronous invokes only.`;
  }
  if (spec.entry.includes('message-sender')) {
    return "Invoked by the send queue's SQS event source; failed messages move to the queue's alarmed dead-letter queue by its redrive policy; a DLQ applies to asynchronous invokes only.";
  }
  return 'Invoked synchronously by API Gateway: the caller receives the error (5xx alarmed); a DLQ applies to asynchronous invokes only.';
}

/** The wildcards a function's role holds, acknowledged with why each is needed. */
function acknowledgeWildcards(handler: HandlerFunction, spec: FunctionSpec, snsSender: boolean): void {
  if (spec.readWrite.length > 0) {
    for (const action of KEY_WRITE_ACTIONS.filter((a) => a.endsWith('*'))) {
      Validations.of(handler.role).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason:
          'Key actions DynamoDB performs for a writer on a CMK-encrypted table (the set CDK ' +
          'table grants use); the resource is the single table key.',
      });
    }
  }
  const reasons = ['X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions'];
  if (spec.streamSource) {
    reasons.push('dynamodb:ListStreams (stream event source) supports no resource-level permissions');
  }
  if (snsSender) {
    reasons.push('SNS Publish to a phone number has no resource ARN (a Deny on every topic ARN keeps it to SMS)');
  }
  Validations.of(handler.role).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: `${reasons.join('; ')}.` });
}
