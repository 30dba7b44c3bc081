import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SCHEDULES, type ScheduleKey } from '../../shared/triggers.js';

/** Props of {@link Schedules}: the function of each schedule of `shared/triggers.ts`. */
export interface SchedulesProps {
  functions: Record<ScheduleKey, lambda.IFunction>;
}

/** EventBridge rules that invoke the periodic functions at the rates of `shared/triggers.ts`. */
export class Schedules extends Construct {
  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    for (const key of Object.keys(SCHEDULES) as ScheduleKey[]) {
      const def = SCHEDULES[key];
      // Retries are cheap and safe: every job is idempotent, and the next run is one period away.
      const options = { retryAttempts: 2, maxEventAge: Duration.seconds(Math.min(def.everyS, 3600)) };
      new events.Rule(this, key.charAt(0).toUpperCase() + key.slice(1), {
        description: `Phithak: ${def.description}`,
        schedule: events.Schedule.rate(Duration.seconds(def.everyS)),
        targets: [new targets.LambdaFunction(props.functions[key], options)],
      });
    }
  }
}
