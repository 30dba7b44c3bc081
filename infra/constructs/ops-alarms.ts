import { Duration, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Props of {@link OpsAlarms}. */
export interface OpsAlarmsProps {
  /** Every function, by name: alarm on any error or throttle. */
  functions: Record<string, lambda.IFunction>;
  /** Stream consumers, by name, with the iterator age (ms) that means "alerts are late". */
  streamConsumers: Record<string, { fn: lambda.IFunction; maxIteratorAgeMs: number }>;
  /** Queues that must stay empty (failure destinations, dead letters), by name. */
  deadLetterQueues: Record<string, sqs.IQueue>;
  /** Tables, by name: alarm on throttled reads or writes. */
  tables: Record<string, dynamodb.ITable>;
  api: apigw.RestApi;
  /** The functions' metrics namespace (`POWERTOOLS_METRICS_NAMESPACE`). */
  metricsNamespace: string;
  smsProvider: 'eum' | 'sns';
  /** Month's SMS budget, USD. */
  smsMonthlyBudgetUsd: number;
  /** Topic notified when an alarm fires; absent, one is created. */
  alarmTopicArn?: string;
  /** Subscribed to the created topic. */
  alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Alarms, each with an action, on what silently breaks the tip → SMS loop or the budget:
 * function errors and throttles, API 5xx and latency, DynamoDB throttling, a stream falling
 * behind, anything in a dead-letter queue, SMS that do not arrive, and SMS spend.
 */
export class OpsAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly topic: sns.ITopic;

  constructor(scope: Construct, id: string, props: OpsAlarmsProps) {
    super(scope, id);
    this.topic = props.alarmTopicArn
      ? sns.Topic.fromTopicArn(this, 'Topic', props.alarmTopicArn)
      : this.newTopic(props);
    for (const [name, fn] of Object.entries(props.functions)) {
      this.add(`${name}Errors`, fn.metricErrors({ period: FIVE_MINUTES }), 1, `${name}: function errors`);
      this.add(`${name}Throttles`, fn.metricThrottles({ period: FIVE_MINUTES }), 1, `${name}: throttled invocations`);
    }
    const api = props.api;
    this.add('Api5xx', api.metricServerError({ period: FIVE_MINUTES }), 5, 'API: 5xx responses');
    const latency = api.metricLatency({ period: FIVE_MINUTES, statistic: 'p95' });
    this.add('ApiLatency', latency, 3000, 'API: p95 latency over 3 s', 3);
    for (const [name, table] of Object.entries(props.tables)) {
      const throttled = new cloudwatch.MathExpression({
        expression: 'r + w',
        label: `${name} throttle events`,
        usingMetrics: {
          r: table.metric('ReadThrottleEvents', { period: FIVE_MINUTES, statistic: 'Sum' }),
          w: table.metric('WriteThrottleEvents', { period: FIVE_MINUTES, statistic: 'Sum' }),
        },
        period: FIVE_MINUTES,
      });
      this.add(`${name}TableThrottles`, throttled, 1, `table ${name}: throttled reads or writes`);
    }
    for (const [name, { fn, maxIteratorAgeMs }] of Object.entries(props.streamConsumers)) {
      const age = fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(1) });
      this.add(
        `${name}IteratorAge`,
        age,
        maxIteratorAgeMs,
        `${name}: stream records older than ${maxIteratorAgeMs} ms`,
      );
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      const depth = queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES });
      this.add(`${name}Depth`, depth, 1, `${name}: messages in a dead-letter queue`);
    }
    this.addSmsAlarms(props);
    for (const alarm of this.alarms) alarm.addAlarmAction(new actions.SnsAction(this.topic));
  }

  private addSmsAlarms(props: OpsAlarmsProps): void {
    const metric = (name: string, period: Duration) =>
      new cloudwatch.Metric({
        namespace: props.metricsNamespace,
        metricName: name,
        dimensionsMap: { service: 'phithak' },
        statistic: 'Sum',
        period,
      });
    const hour = Duration.hours(1);
    // Undelivered share of the last hour's final receipts, once there are at least 10.
    const failureRate = new cloudwatch.MathExpression({
      expression: 'IF((d + u) >= 10, 100 * u / (d + u), 0)',
      label: 'SMS undelivered, % of receipts',
      usingMetrics: { d: metric('ReceiptsDelivered', hour), u: metric('ReceiptsUndelivered', hour) },
      period: hour,
    });
    this.add('SmsDeliveryFailureRate', failureRate, 20, 'SMS: over 20 % of the last hour undelivered');
    if (props.smsProvider === 'sns') {
      const spent = new cloudwatch.Metric({
        namespace: 'AWS/SNS',
        metricName: 'SMSMonthToDateSpentUSD',
        statistic: 'Maximum',
        period: hour,
      });
      this.add(
        'SmsSpendMonthToDate',
        spent,
        0.8 * props.smsMonthlyBudgetUsd,
        'SMS: month-to-date spend over 80 % of budget',
      );
      return;
    }
    // End User Messaging reports each message's price on its receipt; the month-to-date total
    // is the SMS budget's (cost-budget.ts). This catches a runaway day within hours.
    const dailyShare = props.smsMonthlyBudgetUsd / 30;
    const day = metric('SmsSpendUsd', Duration.days(1));
    this.add('SmsSpendDaily', day, 2 * dailyShare, 'SMS: a day spent over twice its share of the monthly budget');
  }

  private newTopic(props: OpsAlarmsProps): sns.Topic {
    const topic = new sns.Topic(this, 'Topic', { displayName: 'Phithak alarms', enforceSSL: true });
    Validations.of(topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names, metric names and thresholds, never personal data; an SSE key ' +
        'would need a key policy for CloudWatch, Budgets and every subscriber for no gain.',
    });
    if (props.alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    return topic;
  }

  private add(id: string, metric: cloudwatch.IMetric, threshold: number, description: string, periods = 1): void {
    this.alarms.push(
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: periods,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `Phithak ${description}`,
      }),
    );
  }
}
