import { Aws, Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TABLES, tableEnvName, type TableKey } from '../../shared/tables.js';
import type { TriggeredFunction } from '../../shared/triggers.js';
import { HandlerFunction } from './handler-function.js';
import { KEY_WRITE_ACTIONS, grantTableAccess } from './table-access.js';

/** The Lambda functions by role; each maps to `functions/<folder>/handler.ts`. */
export type FunctionKey = 'api' | TriggeredFunction;

interface FunctionSpec {
  entry: string;
  description: string;
  timeout: Duration;
  memorySize: number;
  read: TableKey[];
  readWrite: TableKey[];
  /** The table whose stream invokes the function (wired in stream-triggers.ts). */
  streamSource?: TableKey;
  sendsSms: boolean;
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
    sendsSms: true, // test alerts
  },
  hotspotUpdater: {
    entry: 'functions/hotspot-updater/handler.ts',
    description: 'Tips stream: re-cluster around new tips, upsert hotspots',
    timeout: Duration.seconds(60),
    memorySize: 1024,
    read: ['tips'],
    readWrite: ['hotspots'],
    streamSource: 'tips',
    sendsSms: false,
  },
  alertDispatcher: {
    entry: 'functions/alert-dispatcher/handler.ts',
    description: 'Hotspots stream: SMS to volunteers near new or escalated hotspots',
    timeout: Duration.seconds(60),
    memorySize: 512,
    // The hotspot comes from the stream image; the stream grant comes with the event source.
    read: ['volunteers', 'volunteerCells'],
    readWrite: ['alerts'],
    streamSource: 'hotspots',
    sendsSms: true,
  },
  recompute: {
    entry: 'functions/recompute/handler.ts',
    description: 'Every 15 min: full hotspot recomputation and ageing out',
    timeout: Duration.minutes(5),
    memorySize: 1024,
    read: ['tips'],
    readWrite: ['hotspots'],
    sendsSms: false,
  },
  alertDigest: {
    entry: 'functions/alert-digest/handler.ts',
    description: 'Every 15 min: send alerts held back by quiet hours as digests',
    timeout: Duration.minutes(2),
    memorySize: 512,
    read: ['volunteers'],
    readWrite: ['alerts'],
    sendsSms: true,
  },
  alertSweeper: {
    entry: 'functions/alert-sweeper/handler.ts',
    description: 'Every 5 min: finish alerts whose claim expired before they were sent',
    timeout: Duration.minutes(2),
    memorySize: 512,
    read: ['volunteers'],
    readWrite: ['alerts'],
    sendsSms: true,
  },
  optOutWorker: {
    entry: 'functions/opt-out-worker/handler.ts',
    description: 'Opt-out requests stream: one-time confirmation SMS to registered numbers',
    timeout: Duration.seconds(30),
    memorySize: 512,
    read: ['volunteers'],
    readWrite: ['optOuts'],
    streamSource: 'optOuts',
    sendsSms: true,
  },
  snapshotPublisher: {
    entry: 'functions/snapshot-publisher/handler.ts',
    description: 'Hourly: publish the public hotspot snapshot',
    timeout: Duration.minutes(2),
    memorySize: 1024,
    read: ['hotspots'],
    readWrite: ['snapshots'],
    sendsSms: false,
  },
};

/** Props of {@link BackendFunctions}. */
export interface BackendFunctionsProps {
  tables: Record<TableKey, dynamodb.ITable>;
  /** The customer-managed key of the tables. */
  tableKey: kms.IKey;
  gazetteerIndexPath: string;
  /** Where SMS sends that exhaust their retries go (`ALERT_DLQ_URL`). */
  alertDlq: sqs.IQueue;
  /** Variables every function gets besides table names (PUBLIC_BASE_URL, SMS settings...). */
  environment: Record<string, string>;
}

/** The five functions with their environment and least-privilege grants. */
export class BackendFunctions extends Construct {
  readonly functions: Record<FunctionKey, HandlerFunction>;

  constructor(scope: Construct, id: string, props: BackendFunctionsProps) {
    super(scope, id);
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
        environment: {
          ...tableNames,
          ...props.environment,
          AUTH_MODE: 'cognito',
          POWERTOOLS_SERVICE_NAME: `phithak-${key}`,
          ALERT_DLQ_URL: props.alertDlq.queueUrl,
        },
      });
      this.grant(handler, spec, props);
      return [key, handler] as const;
    });
    this.functions = Object.fromEntries(built) as Record<FunctionKey, HandlerFunction>;
  }

  private grant(handler: HandlerFunction, spec: FunctionSpec, props: BackendFunctionsProps): void {
    for (const key of spec.read) grantTableAccess(handler.fn, key, props.tables[key], props.tableKey, 'read');
    for (const key of spec.readWrite) grantTableAccess(handler.fn, key, props.tables[key], props.tableKey, 'readWrite');
    acknowledgeWildcards(handler, spec);
    if (!spec.sendsSms) return;
    props.alertDlq.grantSendMessages(handler.fn);
    // Direct-to-phone SMS has no topic ARN to scope to: SNS only accepts `*` here.
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
}

/** The wildcards a function's role holds, acknowledged with why each is needed. */
function acknowledgeWildcards(handler: HandlerFunction, spec: FunctionSpec): void {
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
  if (spec.sendsSms) {
    reasons.push('SNS Publish to a phone number has no resource ARN (a Deny on every topic ARN keeps it to SMS)');
  }
  Validations.of(handler.role).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: `${reasons.join('; ')}.` });
}
