import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Props of {@link Schedules}. */
export interface SchedulesProps {
  /** Full hotspot recomputation and ageing out (safety net behind the stream). */
  recompute: lambda.IFunction;
  /** Digests of alerts held back by quiet hours. */
  alertDigest: lambda.IFunction;
}

/** EventBridge rules that invoke the periodic functions every 15 minutes. */
export class Schedules extends Construct {
  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const every15Min = events.Schedule.rate(Duration.minutes(15));
    // Retries are cheap and safe: both jobs are idempotent, and the next run is 15 min away.
    const options = { retryAttempts: 2, maxEventAge: Duration.minutes(10) };
    new events.Rule(this, 'Recompute', {
      description: 'Phithak: recompute hotspots, age out stale ones',
      schedule: every15Min,
      targets: [new targets.LambdaFunction(props.recompute, options)],
    });
    new events.Rule(this, 'AlertDigest', {
      description: 'Phithak: send quiet-hours alert digests',
      schedule: every15Min,
      targets: [new targets.LambdaFunction(props.alertDigest, options)],
    });
  }
}
