import { Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebHosting } from '../../infra/constructs/web-hosting.js';
import { REPO_ROOT, readInfraSettings } from '../../infra/settings.js';
import { StatefulStack } from '../../infra/stateful-stack.js';
import { StatelessStack } from '../../infra/stateless-stack.js';
import { buildApp } from '../../infra/build-app.js';
import { gazetteerFixture, removeScratchDirs, scratchDir, testApp } from './infra-fixture.js';

afterAll(removeScratchDirs);

describe('infra settings', () => {
  it('defaults to an offline-friendly configuration relative to the repo root', () => {
    const settings = readInfraSettings(testApp({}).node);
    expect(settings).toMatchObject({
      smsSenderId: 'PHITHAK',
      smsMaxPriceUsd: '0.50',
      gazetteerIndexPath: join(REPO_ROOT, '.build/gazetteer-index.json'),
      webDistDir: join(REPO_ROOT, 'web/dist'),
      alarmTopicArn: undefined,
      stage: 'prod',
      smsProvider: 'eum',
      smsCountries: ['TH'],
      integrators: [],
      retentionDays: { tip: 365, contact: 90, hotspot: 90, alert: 180 },
    });
  });

  it('reads integrators with their quotas, Malaysia, the provider and the stage', () => {
    const settings = readInfraSettings(
      testApp({
        integrators: 'sms-gateway:5000:10,hotline-1300',
        smsAllowMalaysia: 'true',
        smsProvider: 'sns',
        stage: 'staging',
      }).node,
    );
    expect(settings.integrators).toEqual([
      { name: 'sms-gateway', tipsPerDay: 5000, ratePerSecond: 10 },
      { name: 'hotline-1300', tipsPerDay: 2000, ratePerSecond: 5 },
    ]);
    expect(settings.smsCountries).toEqual(['TH', 'MY']);
    expect(settings.smsProvider).toBe('sns');
    expect(settings.cognitoDomainPrefix).toBe('phithak-staging');
    expect(() => readInfraSettings(testApp({ stage: 'Prod!' }).node)).toThrow(/stage/);
    expect(() => readInfraSettings(testApp({ integrators: 'a' }).node)).toThrow(/integrators/);
  });

  it('reads overrides from CDK context and rejects nonsense numbers', () => {
    const settings = readInfraSettings(testApp({ smsMaxPriceUsd: '0.20', wafRequestsPer5MinPerIp: '500' }).node);
    expect(settings.smsMaxPriceUsd).toBe('0.20');
    expect(settings.wafRequestsPer5MinPerIp).toBe(500);
    expect(() => readInfraSettings(testApp({ apiRateLimitPerSecond: 'fast' }).node)).toThrow(/apiRateLimitPerSecond/);
  });
});

describe('synth preconditions', () => {
  it('fails with a how-to-fix message when the gazetteer index is missing', () => {
    const app = testApp({});
    const stateful = new StatefulStack(app, 'Stateful');
    const missing = join(scratchDir('nogaz'), 'gazetteer-index.json');
    const settings = { ...readInfraSettings(app.node), gazetteerIndexPath: missing };
    expect(
      () =>
        new StatelessStack(app, 'Stateless', {
          tables: stateful.tables,
          tableKey: stateful.tableKey,
          keys: stateful.keys,
          userPool: stateful.userPool,
          userPoolDomain: stateful.userPoolDomain,
          settings,
        }),
    ).toThrow(/Gazetteer index not found .*npm run gazetteer/);
  });

  it('skips the web upload with a warning when web/dist is missing', () => {
    const stack = new Stack(testApp({}), 'Web');
    new WebHosting(stack, 'Web', {
      apiDomain: 'abc.execute-api.ap-southeast-1.amazonaws.com',
      apiStage: 'prod',
      webDistDir: join(scratchDir('noweb'), 'dist'),
    });
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('npm run build:web'));
    expect(stack.node.findAll().some((c) => c.node.id === 'Deploy')).toBe(false);
  });
});

describe('cdk-nag gate', () => {
  it('fails synthesis on an unacknowledged Serverless finding too', () => {
    const app = testApp({ 'aws:cdk:bundling-stacks': [], gazetteerIndex: gazetteerFixture(scratchDir('gate2')) });
    const { stateless } = buildApp(app);
    // A plain queue with a consumer-less life and no redrive policy: Serverless-SQSRedrivePolicy.
    new sqs.Queue(stateless, 'NoRedrive', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
    expect(() => app.synth()).toThrow(/Serverless-SQSRedrivePolicy/);
  });

  it('fails synthesis on an unacknowledged AwsSolutions error', () => {
    // CDK's own switch to skip asset bundling: this test is about validation, not bundles.
    const app = testApp({ 'aws:cdk:bundling-stacks': [], gazetteerIndex: gazetteerFixture(scratchDir('gate')) });
    const { stateful } = buildApp(app);
    new sqs.Queue(stateful, 'Plain', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS2/);
  });
});
