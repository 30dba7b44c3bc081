import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { EdgeFirewallStack } from './edge-firewall-stack.js';
import { EdgeLogsStack } from './edge-logs-stack.js';
import { acknowledgeCdkProviders } from './nag-acknowledgements.js';
import { readInfraSettings, type InfraSettings } from './settings.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

/** The stacks of a Phithak deployment. */
export interface PhithakStacks {
  stateful: StatefulStack;
  edgeFirewall: EdgeFirewallStack;
  stateless: StatelessStack;
  edgeLogs: EdgeLogsStack;
  settings: InfraSettings;
}

/** CloudFront's WAF and log delivery sources exist only in this region. */
export const EDGE_REGION = 'us-east-1';

/**
 * Adds the Phithak stacks of one stage (`-c stage=…`) to an app, in deploy order: stateful
 * (tables, keys, user pool) and the edge firewall (us-east-1), then stateless, then the edge
 * logs (us-east-1, they name the distribution). Stack names carry the stage, so stages share
 * an account. Stacks name their region (cross-region references need it) but no account
 * unless configured, so synth runs offline. cdk-nag's AwsSolutions and Serverless packs
 * validate the app at synth; an unacknowledged error fails it.
 */
export function buildApp(app: App): PhithakStacks {
  const settings = readInfraSettings(app.node);
  const name = (part: string) => `Phithak-${settings.stage}-${part}`;
  const env = { region: settings.region, account: settings.account };
  const edgeEnv = { region: EDGE_REGION, account: settings.account };
  const stateful = new StatefulStack(app, name('Stateful'), {
    env,
    description: 'Phithak: tables, keys, coordinator user pool (retained)',
    cognitoDomainPrefix: settings.cognitoDomainPrefix,
  });
  const edgeFirewall = new EdgeFirewallStack(app, name('EdgeFirewall'), {
    env: edgeEnv,
    crossRegionReferences: true,
    description: 'Phithak: CloudFront web ACL and its logs (us-east-1)',
    settings,
  });
  const stateless = new StatelessStack(app, name('Stateless'), {
    env,
    crossRegionReferences: true,
    description: 'Phithak: functions, SMS, API, web hosting, schedules, alarms',
    tables: stateful.tables,
    tableKey: stateful.tableKey,
    keys: stateful.keys,
    userPool: stateful.userPool,
    userPoolDomain: stateful.userPoolDomain,
    webAclArn: edgeFirewall.firewall.webAcl.attrArn,
    settings,
  });
  const edgeLogs = new EdgeLogsStack(app, name('EdgeLogs'), {
    env: edgeEnv,
    crossRegionReferences: true,
    description: 'Phithak: CloudFront standard logging v2 without client IPs (us-east-1)',
    stage: settings.stage,
    distributionArn: stateless.hosting.distribution.distributionArn,
  });
  for (const stack of [stateful, edgeFirewall, stateless, edgeLogs]) acknowledgeCdkProviders(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { stateful, edgeFirewall, stateless, edgeLogs, settings };
}
