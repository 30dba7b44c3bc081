import { Aws, CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { TableKey } from '../shared/tables.js';
import { SCHEDULES, STREAM_TRIGGERS, type ScheduleKey, type StreamTriggerKey } from '../shared/triggers.js';
import { ApiFirewall } from './constructs/api-firewall.js';
import { BackendFunctions } from './constructs/backend-functions.js';
import { HttpApi, API_STAGE } from './constructs/http-api.js';
import { OpsAlarms } from './constructs/ops-alarms.js';
import { Schedules } from './constructs/schedules.js';
import { SecureQueue } from './constructs/secure-queue.js';
import { StreamTriggers, type StreamTrigger } from './constructs/stream-triggers.js';
import { WebHosting } from './constructs/web-hosting.js';
import { acknowledgeStatelessFindings } from './nag-acknowledgements.js';
import type { InfraSettings } from './settings.js';

/** Props of {@link StatelessStack}. */
export interface StatelessStackProps extends StackProps {
  tables: Record<TableKey, dynamodb.ITable>;
  /** The tables' customer-managed key. */
  tableKey: kms.IKey;
  userPool: cognito.IUserPool;
  /** The web app's Cognito client ID (published in `runtime-config.json`). */
  webClientId: string;
  settings: InfraSettings;
}

/**
 * Everything that can be replaced without losing data: the functions, their stream and
 * schedule triggers, the API with its WAF, the web hosting and the alarms.
 */
export class StatelessStack extends Stack {
  readonly backend: BackendFunctions;
  readonly httpApi: HttpApi;
  readonly hosting: WebHosting;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const alertDlq = new SecureQueue(this, 'AlertDlq').queue;
    this.backend = new BackendFunctions(this, 'Functions', {
      tables: props.tables,
      tableKey: props.tableKey,
      gazetteerIndexPath: settings.gazetteerIndexPath,
      alertDlq,
      environment: { SMS_SENDER_ID: settings.smsSenderId, SMS_MAX_PRICE_USD: settings.smsMaxPriceUsd },
    });
    // The web origin is only known once the distribution exists, which needs the API first.
    const webUrl = Lazy.string({ produce: () => `https://${this.hosting.distribution.distributionDomainName}` });
    this.httpApi = new HttpApi(this, 'Http', {
      handler: this.backend.functions.api.fn,
      userPool: props.userPool,
      webOrigin: webUrl,
      rateLimitPerSecond: settings.apiRateLimitPerSecond,
    });
    this.hosting = this.addEdge(props);
    for (const handler of Object.values(this.backend.functions)) handler.fn.addEnvironment('PUBLIC_BASE_URL', webUrl);
    this.addTriggersAndAlarms(props, alertDlq);
    acknowledgeStatelessFindings(this);
    new CfnOutput(this, 'WebUrl', { value: webUrl });
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.api.url });
  }

  /** WAF on the API stage, and CloudFront in front of the web bucket and the API. */
  private addEdge(props: StatelessStackProps): WebHosting {
    const api = this.httpApi.api;
    new ApiFirewall(this, 'Firewall', {
      stageArn: api.deploymentStage.stageArn,
      requestsPer5MinPerIp: props.settings.wafRequestsPer5MinPerIp,
    });
    return new WebHosting(this, 'Web', {
      apiDomain: `${api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`,
      apiStage: API_STAGE,
      webDistDir: props.settings.webDistDir,
      runtimeConfig: {
        region: Aws.REGION,
        userPoolId: props.userPool.userPoolId,
        userPoolClientId: props.webClientId,
        apiBase: '/api',
      },
    });
  }

  /** Stream and schedule triggers, and the alarms watching them. */
  private addTriggersAndAlarms(props: StatelessStackProps, alertDlq: sqs.IQueue): void {
    const fns = this.backend.functions;
    const streams = new StreamTriggers(
      this,
      'Streams',
      Object.fromEntries(
        (Object.keys(STREAM_TRIGGERS) as StreamTriggerKey[]).map((key) => {
          const def = STREAM_TRIGGERS[key];
          return [key, { table: props.tables[def.table], fn: fns[def.consumer].fn, def }];
        }),
      ) as unknown as Record<StreamTriggerKey, StreamTrigger>,
    );
    // The updaters send their own dead letters (over a cap, unreadable) to their stream's failure queue.
    streams.failureQueues.tips.grantSendMessages(fns.hotspotUpdater.fn);
    streams.failureQueues.hotspots.grantSendMessages(fns.alertDispatcher.fn);
    fns.hotspotUpdater.fn.addEnvironment('TIPS_FAILURE_QUEUE_URL', streams.failureQueues.tips.queueUrl);
    fns.alertDispatcher.fn.addEnvironment('HOTSPOTS_FAILURE_QUEUE_URL', streams.failureQueues.hotspots.queueUrl);
    new Schedules(this, 'Schedules', {
      functions: Object.fromEntries(
        (Object.keys(SCHEDULES) as ScheduleKey[]).map((key) => [key, fns[SCHEDULES[key].consumer].fn]),
      ) as unknown as Record<ScheduleKey, lambda.IFunction>,
    });
    new OpsAlarms(this, 'Alarms', {
      functions: Object.fromEntries(Object.entries(fns).map(([key, handler]) => [key, handler.fn])),
      // A minute behind means alerts reach volunteers a minute late: worth a look.
      streamConsumers: {
        hotspotUpdater: { fn: fns.hotspotUpdater.fn, maxIteratorAgeMs: 60_000 },
        alertDispatcher: { fn: fns.alertDispatcher.fn, maxIteratorAgeMs: 60_000 },
      },
      deadLetterQueues: {
        alertDlq,
        tipsStreamFailures: streams.failureQueues.tips,
        hotspotsStreamFailures: streams.failureQueues.hotspots,
        optOutsStreamFailures: streams.failureQueues.optOuts,
      },
      alarmTopicArn: props.settings.alarmTopicArn,
    });
  }
}
