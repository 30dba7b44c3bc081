import { Aws, CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { TableKey } from '../shared/tables.js';
import { SCHEDULES, STREAM_TRIGGERS, type ScheduleKey, type StreamTriggerKey } from '../shared/triggers.js';
import type { AppKeys } from './constructs/app-keys.js';
import { BackendFunctions } from './constructs/backend-functions.js';
import { CostBudget } from './constructs/cost-budget.js';
import { HttpApi, API_STAGE } from './constructs/http-api.js';
import { OpsAlarms } from './constructs/ops-alarms.js';
import { OriginGuard } from './constructs/origin-guard.js';
import { Schedules } from './constructs/schedules.js';
import { SecureQueue } from './constructs/secure-queue.js';
import { StreamTriggers, type StreamTrigger } from './constructs/stream-triggers.js';
import { WebClient } from './constructs/web-client.js';
import { WebHosting } from './constructs/web-hosting.js';
import { acknowledgeStatelessFindings } from './nag-acknowledgements.js';
import type { InfraSettings } from './settings.js';
import { wireSms, type SmsWiring } from './stateless-sms.js';

/** Props of {@link StatelessStack}. */
export interface StatelessStackProps extends StackProps {
  tables: Record<TableKey, dynamodb.ITable>;
  /** The tables' customer-managed key. */
  tableKey: kms.IKey;
  keys: AppKeys;
  userPool: cognito.IUserPool;
  userPoolDomain: cognito.UserPoolDomain;
  /** The CloudFront web ACL (edge firewall stack, us-east-1). */
  webAclArn?: string;
  settings: InfraSettings;
}

/**
 * Everything that can be replaced without losing data: the functions, their stream, queue
 * and schedule triggers, SMS, the API and its origin guard, the web hosting, the web client,
 * the alarms and budgets.
 */
export class StatelessStack extends Stack {
  readonly backend: BackendFunctions;
  readonly httpApi: HttpApi;
  readonly hosting: WebHosting;
  readonly webClient: WebClient;
  readonly sms: SmsWiring;
  readonly alarms: OpsAlarms;
  readonly schedules: Schedules;
  readonly originGuard: OriginGuard;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const alertDlq = new SecureQueue(this, 'AlertDlq').queue;
    this.backend = new BackendFunctions(this, 'Functions', {
      tables: props.tables,
      tableKey: props.tableKey,
      gazetteerIndexPath: settings.gazetteerIndexPath,
      alertDlq,
      stage: settings.stage,
      smsProvider: settings.smsProvider,
      environment: {
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace(settings.stage),
        RETENTION_TIP_DAYS: String(settings.retentionDays.tip),
        RETENTION_CONTACT_DAYS: String(settings.retentionDays.contact),
        RETENTION_HOTSPOT_DAYS: String(settings.retentionDays.hotspot),
        RETENTION_ALERT_DAYS: String(settings.retentionDays.alert),
      },
      smsEnvironment: {
        SMS_PROVIDER: settings.smsProvider,
        SMS_SENDER_ID: settings.smsSenderId,
        SMS_MAX_PRICE_USD: settings.smsMaxPriceUsd,
      },
      reservedConcurrency: { messageSender: wireSms.rate(settings).concurrency },
    });
    this.sms = wireSms(this, this.backend, settings);
    this.grantKeys(props.keys);
    // The web origin is only known once the distribution exists, which needs the API first.
    const webUrl = Lazy.string({ produce: () => `https://${this.hosting.distribution.distributionDomainName}` });
    this.httpApi = new HttpApi(this, 'Http', {
      handler: this.backend.functions.api.fn,
      userPool: props.userPool,
      webOrigin: webUrl,
      rateLimitPerSecond: settings.apiRateLimitPerSecond,
      stage: settings.stage,
      integrators: settings.integrators,
    });
    this.originGuard = new OriginGuard(this, 'OriginGuard', {
      stage: settings.stage,
      stageArn: this.httpApi.api.deploymentStage.stageArn,
    });
    this.webClient = new WebClient(this, 'WebClient', { userPool: props.userPool, webOrigin: webUrl });
    this.hosting = this.addHosting(props);
    for (const handler of Object.values(this.backend.functions)) handler.fn.addEnvironment('PUBLIC_BASE_URL', webUrl);
    this.schedules = this.addTriggers(props);
    this.alarms = this.addAlarms(props, alertDlq);
    new CostBudget(this, 'Budget', {
      stage: settings.stage,
      monthlyBudgetUsd: settings.monthlyBudgetUsd,
      smsMonthlyBudgetUsd: settings.smsMonthlyBudgetUsd,
      topic: this.alarms.topic,
    });
    acknowledgeStatelessFindings(this);
    new CfnOutput(this, 'WebUrl', { value: webUrl });
    new CfnOutput(this, 'WebClientId', { value: this.webClient.client.userPoolClientId });
  }

  /** Pseudonyms (HMAC) and contact envelope keys: the API only. */
  private grantKeys(keys: AppKeys): void {
    const api = this.backend.functions.api.fn;
    api.addEnvironment('PSEUDONYM_KEY_ID', keys.pseudonymKey.keyArn);
    api.addEnvironment('CONTACT_KEY_ID', keys.contactKey.keyArn);
    keys.pseudonymKey.grant(api, 'kms:GenerateMac');
    keys.contactKey.grant(api, 'kms:GenerateDataKey', 'kms:Decrypt');
  }

  private addHosting(props: StatelessStackProps): WebHosting {
    const api = this.httpApi.api;
    const cognitoDomain = `${props.userPoolDomain.domainName}.auth.${Aws.REGION}.amazoncognito.com`;
    const basemap = props.settings.basemapStyleUrl;
    return new WebHosting(this, 'Web', {
      apiDomain: `${api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`,
      apiStage: API_STAGE,
      webDistDir: props.settings.webDistDir,
      webAclArn: props.webAclArn,
      originSecret: this.originGuard.secretValue,
      connectHosts: [
        `cognito-idp.${Aws.REGION}.amazonaws.com`,
        cognitoDomain,
        ...(basemap ? [new URL(basemap).host] : []),
      ],
      runtimeConfig: {
        authMode: 'cognito',
        region: Aws.REGION,
        userPoolId: props.userPool.userPoolId,
        userPoolClientId: this.webClient.client.userPoolClientId,
        cognitoDomain,
        apiBase: '/api',
        ...(basemap ? { basemapStyleUrl: basemap } : {}),
      },
    });
  }

  /** Stream and schedule triggers of `shared/triggers.ts`. */
  private addTriggers(props: StatelessStackProps): Schedules {
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
    this.streamFailures = streams.failureQueues;
    // The updaters send their own dead letters (over a cap, unreadable) to their stream's failure queue.
    streams.failureQueues.tips.grantSendMessages(fns.hotspotUpdater.fn);
    streams.failureQueues.hotspots.grantSendMessages(fns.alertDispatcher.fn);
    fns.hotspotUpdater.fn.addEnvironment('TIPS_FAILURE_QUEUE_URL', streams.failureQueues.tips.queueUrl);
    fns.alertDispatcher.fn.addEnvironment('HOTSPOTS_FAILURE_QUEUE_URL', streams.failureQueues.hotspots.queueUrl);
    return new Schedules(this, 'Schedules', {
      functions: Object.fromEntries(
        (Object.keys(SCHEDULES) as ScheduleKey[]).map((key) => [key, fns[SCHEDULES[key].consumer].fn]),
      ) as unknown as Record<ScheduleKey, lambda.IFunction>,
    });
  }

  private streamFailures!: StreamTriggers['failureQueues'];

  private addAlarms(props: StatelessStackProps, alertDlq: SecureQueue['queue']): OpsAlarms {
    const fns = this.backend.functions;
    const s = props.settings;
    return new OpsAlarms(this, 'Alarms', {
      functions: Object.fromEntries(Object.entries(fns).map(([key, handler]) => [key, handler.fn])),
      // A minute behind means alerts reach volunteers a minute late: worth a look.
      streamConsumers: Object.fromEntries(
        Object.values(STREAM_TRIGGERS).map((def) => [
          def.consumer,
          { fn: fns[def.consumer].fn, maxIteratorAgeMs: 60_000 },
        ]),
      ),
      deadLetterQueues: {
        alertDlq,
        sendQueueDeadLetters: this.sms.pipeline.deadLetters,
        asyncInvokeFailures: this.backend.asyncFailures,
        scheduleDeadLetters: this.schedules.deadLetters,
        ...(this.sms.messaging ? { receiptDeliveryFailures: this.sms.messaging.receiptDeliveryFailures } : {}),
        ...Object.fromEntries(Object.entries(this.streamFailures).map(([k, q]) => [`${k}StreamFailures`, q])),
      },
      tables: props.tables,
      api: this.httpApi.api,
      metricsNamespace: metricsNamespace(s.stage),
      smsProvider: s.smsProvider,
      smsMonthlyBudgetUsd: s.smsMonthlyBudgetUsd,
      alarmTopicArn: s.alarmTopicArn,
      alarmEmail: s.alarmEmail,
    });
  }
}

/** The functions' CloudWatch namespace, one per stage. */
export function metricsNamespace(stage: string): string {
  return `Phithak/${stage}`;
}
