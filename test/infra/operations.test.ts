import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_SPECS, type FunctionKey } from '../../infra/constructs/function-specs.js';
import { API_ROUTES } from '../../shared/api/routes.js';
import { TABLES } from '../../shared/tables.js';
import { SCHEDULES, STREAM_TRIGGERS } from '../../shared/triggers.js';
import { allNagFindings, buildTestApp, removeScratchDirs, type BuiltApp } from './infra-fixture.js';

afterAll(removeScratchDirs);

let built: BuiltApp;
beforeAll(async () => {
  built = await buildTestApp();
});

const keys = Object.keys(FUNCTION_SPECS) as FunctionKey[];
const idOf = (c: IConstruct) => Stack.of(c).getLogicalId((c.node.defaultChild ?? c) as CfnElement);
const fnId = (key: FunctionKey) => idOf(built.stacks.stateless.backend.functions[key].fn);
const alarms = () => Object.values(built.stateless.findResources('AWS::CloudWatch::Alarm')) as any[];

describe('operations', () => {
  it('gives every asynchronously invoked function an on-failure destination', () => {
    const async = keys.filter((k) => FUNCTION_SPECS[k].async);
    expect(async.sort()).toEqual(['alertDigest', 'alertSweeper', 'deliveryReceipts', 'recompute', 'snapshotPublisher']);
    for (const key of async) {
      built.stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: fnId(key) },
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
  });

  it('gives every schedule target a dead-letter queue', () => {
    const rules = Object.values(built.stateless.findResources('AWS::Events::Rule')) as any[];
    expect(rules).toHaveLength(Object.keys(SCHEDULES).length);
    for (const rule of rules) expect(rule.Properties.Targets[0].DeadLetterConfig.Arn).toBeDefined();
  });

  it('alarms on errors and throttles of every function', () => {
    const names = alarms().map((a) => a.Properties.MetricName);
    expect(names.filter((n) => n === 'Errors')).toHaveLength(keys.length);
    expect(names.filter((n) => n === 'Throttles')).toHaveLength(keys.length);
  });

  it('alarms on API 5xx and latency', () => {
    const names = alarms().map((a) => a.Properties.MetricName);
    expect(names).toEqual(expect.arrayContaining(['5XXError', 'Latency']));
  });

  it('alarms on DynamoDB throttling of every table', () => {
    const tableAlarms = alarms().filter((a) =>
      JSON.stringify(a.Properties.Metrics ?? '').includes('ReadThrottleEvents'),
    );
    expect(tableAlarms).toHaveLength(Object.keys(TABLES).length);
  });

  it('alarms on the iterator age of every stream consumer', () => {
    expect(alarms().filter((a) => a.Properties.MetricName === 'IteratorAge')).toHaveLength(
      Object.keys(STREAM_TRIGGERS).length,
    );
  });

  it('alarms on the depth of every dead-letter queue', () => {
    const queues = built.stateless.findResources('AWS::SQS::Queue');
    const dlqs = Object.keys(queues).filter((id) => !queues[id].Properties.RedrivePolicy);
    const watched = alarms()
      .filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map((a) => a.Properties.Dimensions[0].Value['Fn::GetAtt'][0]);
    expect(watched.sort()).toEqual(dlqs.sort());
  });

  it('alarms on the SMS delivery failure rate and on SMS spend', () => {
    const expressions = alarms().flatMap((a) => (a.Properties.Metrics ?? []).map((m: any) => m.Expression ?? ''));
    expect(expressions.some((e: string) => e.includes('100 * u / (d + u)'))).toBe(true);
    expect(alarms().some((a) => a.Properties.MetricName === 'SmsSpendUsd')).toBe(true);
    built.stateless.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({ BudgetName: 'phithak-prod-sms', TimeUnit: 'MONTHLY' }),
    });
  });

  it('gives every alarm an action, on a topic the stack creates when none is given', () => {
    for (const alarm of alarms())
      expect(alarm.Properties.AlarmActions, alarm.Properties.AlarmDescription).toHaveLength(1);
    built.stateless.resourceCountIs('AWS::SNS::Topic', 2); // alarms, SMS receipts
  });

  it('uses the given alarm topic instead of creating one', async () => {
    const given = await buildTestApp({ alarmTopicArn: 'arn:aws:sns:ap-southeast-1:111122223333:ops' });
    given.stateless.resourceCountIs('AWS::SNS::Topic', 1); // SMS receipts only
    const [alarm] = Object.values(given.stateless.findResources('AWS::CloudWatch::Alarm')) as any[];
    expect(alarm.Properties.AlarmActions).toEqual(['arn:aws:sns:ap-southeast-1:111122223333:ops']);
  });

  it('keeps the account-wide API Gateway logging role when the stack is deleted', () => {
    built.stateless.hasResource('AWS::IAM::Role', {
      Properties: Match.objectLike({
        ManagedPolicyArns: [
          Match.objectLike({
            'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('AmazonAPIGatewayPushToCloudWatchLogs')])],
          }),
        ],
      }),
      DeletionPolicy: 'Retain',
    });
  });

  it('runs every function on Node.js 24', () => {
    for (const key of keys) {
      expect(built.stateless.toJSON().Resources[fnId(key)].Properties.Runtime, key).toBe('nodejs24.x');
    }
  });

  it('names stacks and physical resources by stage, so two stages share an account', async () => {
    const staging = await buildTestApp({ stage: 'staging' });
    expect(staging.stacks.stateless.stackName).toBe('Phithak-staging-Stateless');
    expect(built.stacks.stateless.stackName).toBe('Phithak-prod-Stateless');
    staging.stateless.hasResourceProperties('AWS::SMSVOICE::ConfigurationSet', {
      ConfigurationSetName: 'phithak-staging',
    });
    staging.edgeFirewall.hasResourceProperties('AWS::WAFv2::WebACL', { Name: 'phithak-staging-edge' });
    staging.stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'phithak-staging' });
  });

  it('gives the pseudonym and contact keys to the API function only', () => {
    const env = (key: FunctionKey) => built.stateless.toJSON().Resources[fnId(key)].Properties.Environment.Variables;
    for (const key of keys) {
      const has = key === 'api';
      expect('PSEUDONYM_KEY_ID' in env(key), key).toBe(has);
      expect('CONTACT_KEY_ID' in env(key), key).toBe(has);
    }
    const policies = JSON.stringify(built.stateless.findResources('AWS::IAM::Policy'));
    expect(policies.match(/kms:GenerateMac/g)).toHaveLength(1);
  });
});

describe('cdk-nag', () => {
  it('runs the Serverless pack next to AwsSolutions with zero unacknowledged findings in every stack', async () => {
    const { stateful, edgeFirewall, stateless, edgeLogs } = built.stacks;
    for (const stack of [stateful, edgeFirewall, stateless, edgeLogs]) {
      expect(await allNagFindings(stack), stack.stackName).toEqual([]);
    }
  });

  it('acknowledges each public method with the throttle its route declares', () => {
    const api = built.stacks.stateless.httpApi.api;
    for (const route of API_ROUTES.filter((r) => r.access === 'public')) {
      const method = api.root.resourceForPath(route.path).node.findChild(route.method);
      const metadata = JSON.stringify(method.node.findAll().flatMap((c) => c.node.metadata));
      expect(metadata, `${route.method} ${route.path}`).toContain(
        `throttled to ${route.throttle!.rateLimit} requests/s (burst ${route.throttle!.burstLimit})`,
      );
    }
  });
});
