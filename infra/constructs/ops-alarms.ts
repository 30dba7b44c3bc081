import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Props of {@link OpsAlarms}. */
export interface OpsAlarmsProps {
  /** Every function, by name: alarm on any error. */
  functions: Record<string, lambda.IFunction>;
  /** Stream consumers, by name, with the iterator age (ms) that means "alerts are late". */
  streamConsumers: Record<string, { fn: lambda.IFunction; maxIteratorAgeMs: number }>;
  /** Queues that must stay empty (failure destinations, SMS dead letters), by name. */
  deadLetterQueues: Record<string, sqs.IQueue>;
  /** Optional topic notified when an alarm fires. */
  alarmTopicArn?: string;
}

/**
 * Alarms for what silently breaks the tip → SMS loop: function errors, a stream falling
 * behind (hotspots and alerts arrive late), and anything landing in a dead-letter queue
 * (a volunteer did not get an SMS, or a tip never reached a hotspot).
 */
export class OpsAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: OpsAlarmsProps) {
    super(scope, id);
    for (const [name, fn] of Object.entries(props.functions)) {
      this.add(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5) }), 1, `${name}: function errors`);
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
      const depth = queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) });
      this.add(`${name}Depth`, depth, 1, `${name}: messages in a dead-letter queue`);
    }
    if (props.alarmTopicArn) {
      const topic = sns.Topic.fromTopicArn(this, 'Topic', props.alarmTopicArn);
      for (const alarm of this.alarms) alarm.addAlarmAction(new actions.SnsAction(topic));
    }
  }

  private add(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): void {
    this.alarms.push(
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `Phithak ${description}`,
      }),
    );
  }
}
