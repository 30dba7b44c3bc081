import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readInfraSettings } from './settings.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

/** The two stacks of a Phithak deployment. */
export interface PhithakStacks {
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/**
 * Adds the Phithak stacks to an app. Stacks are environment-agnostic (no account or region
 * lookups), so synth runs offline; `cdk deploy` takes the target from the AWS profile.
 * cdk-nag's AwsSolutions pack validates the app at synth; an unacknowledged error fails it.
 */
export function buildApp(app: App): PhithakStacks {
  const settings = readInfraSettings(app.node);
  const stateful = new StatefulStack(app, 'PhithakStateful', {
    description: 'Phithak: tables, encryption key, coordinator user pool (retained)',
  });
  const stateless = new StatelessStack(app, 'PhithakStateless', {
    description: 'Phithak: functions, API, WAF, web hosting, schedules, alarms',
    tables: stateful.tables,
    tableKey: stateful.tableKey,
    userPool: stateful.userPool,
    webClientId: stateful.webClient.userPoolClientId,
    settings,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless };
}
