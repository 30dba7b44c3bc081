import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_SPECS, type FunctionKey } from '../../infra/constructs/function-specs.js';
import { SEND_BATCH_SIZE, SEND_MAX_RECEIVES, sendRate } from '../../infra/constructs/send-pipeline.js';
import { RECEIPT_EVENT_TYPES } from '../../shared/core/record-delivery-receipt.js';
import { buildTestApp, removeScratchDirs, type BuiltApp } from './infra-fixture.js';

afterAll(removeScratchDirs);

let built: BuiltApp;
beforeAll(async () => {
  built = await buildTestApp({ smsSenderId: 'TESTID', smsMessagesPerSecond: '12' });
});

const fnId = (key: FunctionKey) =>
  built.stacks.stateless.getLogicalId(built.stacks.stateless.backend.functions[key].fn.node.defaultChild as never);
const envOf = (key: FunctionKey) =>
  (built.stateless.toJSON().Resources[fnId(key)].Properties.Environment.Variables ?? {}) as Record<string, unknown>;

describe('SMS over End User Messaging', () => {
  it('has a configuration set whose final delivery events go to the receipts topic', () => {
    built.stateless.hasResourceProperties('AWS::SMSVOICE::ConfigurationSet', {
      ConfigurationSetName: 'phithak-prod',
      DefaultSenderId: 'TESTID',
      ProtectConfigurationId: Match.anyValue(),
      EventDestinations: [
        Match.objectLike({
          Enabled: true,
          MatchingEventTypes: [...RECEIPT_EVENT_TYPES.delivered, ...RECEIPT_EVENT_TYPES.undelivered],
          SnsDestination: { TopicArn: Match.anyValue() },
        }),
      ],
    });
  });

  it('subscribes the receipts function to that topic, with a dead-letter queue', () => {
    built.stateless.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [fnId('deliveryReceipts'), 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue() },
    });
  });

  it('lets only this configuration set publish to the encrypted receipts topic', () => {
    built.stateless.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'sms-voice.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': Match.anyValue() } }),
          }),
        ]),
      },
    });
  });

  it('allows only Thailand in the protect configuration', () => {
    const [protect] = Object.values(built.stateless.findResources('AWS::SMSVOICE::ProtectConfiguration')) as any[];
    const rules = protect.Properties.CountryRuleSet.SMS as Array<{ CountryCode: string; ProtectStatus: string }>;
    expect(rules.filter((r) => r.ProtectStatus === 'ALLOW').map((r) => r.CountryCode)).toEqual(['TH']);
    expect(rules.length).toBeGreaterThan(200);
  });

  it('allows Malaysia too when configured', async () => {
    const my = await buildTestApp({ smsAllowMalaysia: 'true' });
    const [protect] = Object.values(my.stateless.findResources('AWS::SMSVOICE::ProtectConfiguration')) as any[];
    const allowed = protect.Properties.CountryRuleSet.SMS.filter((r: any) => r.ProtectStatus === 'ALLOW');
    expect(allowed.map((r: any) => r.CountryCode).sort()).toEqual(['MY', 'TH']);
  });

  it('requests the Thai sender ID and keeps it if the stack goes', () => {
    built.stateless.hasResource('AWS::SMSVOICE::SenderId', {
      Properties: { SenderId: 'TESTID', IsoCountryCode: 'TH' },
      DeletionPolicy: 'Retain',
    });
  });

  it('has an opt-out list, used by the pool that sends from the sender ID', () => {
    const [list] = Object.keys(built.stateless.findResources('AWS::SMSVOICE::OptOutList'));
    built.stateless.hasResourceProperties('AWS::SMSVOICE::Pool', {
      OptOutListName: { Ref: list },
      OriginationIdentities: [Match.anyValue()],
    });
  });

  it('gives the senders the pool, configuration set and protect configuration', () => {
    for (const key of ['messageSender', 'optOutWorker'] as FunctionKey[]) {
      expect(Object.keys(envOf(key))).toEqual(
        expect.arrayContaining(['SMS_ORIGINATION_IDENTITY', 'SMS_CONFIGURATION_SET', 'SMS_PROTECT_CONFIGURATION_ID']),
      );
    }
  });
});

describe('the send queue', () => {
  it('is drained by the sender in batches, with partial batch failures', () => {
    built.stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnId('messageSender') },
      BatchSize: SEND_BATCH_SIZE,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('holds the configured messages per second by reserved concurrency and pace', () => {
    const { concurrency, intervalMs } = sendRate(12);
    const fn = built.stateless.toJSON().Resources[fnId('messageSender')].Properties;
    expect(fn.ReservedConcurrentExecutions).toBe(concurrency);
    expect(envOf('messageSender').SEND_INTERVAL_MS).toBe(String(intervalMs));
    expect((concurrency * 1000) / intervalMs).toBeLessThanOrEqual(12);
    expect((concurrency * 1000) / intervalMs).toBeGreaterThan(11);
  });

  it('moves a message that keeps failing to its dead-letter queue', () => {
    built.stateless.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: SEND_MAX_RECEIVES },
    });
  });

  it('is where every enqueuer puts claimed alerts', () => {
    const enqueuers = (Object.keys(FUNCTION_SPECS) as FunctionKey[]).filter(
      (k) => FUNCTION_SPECS[k].sms === 'enqueuer',
    );
    expect(enqueuers.sort()).toEqual(['alertDigest', 'alertDispatcher', 'alertSweeper', 'api']);
    for (const key of enqueuers) expect(envOf(key).SEND_QUEUE_URL, key).toBeDefined();
    expect(envOf('messageSender').SEND_QUEUE_URL).toBeUndefined();
  });
});

describe('SNS as the selectable provider', () => {
  it('creates no End User Messaging resources and lets the senders publish to phone numbers only', async () => {
    const sns = await buildTestApp({ smsProvider: 'sns' });
    sns.stateless.resourceCountIs('AWS::SMSVOICE::ConfigurationSet', 0);
    sns.stateless.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:Publish', Effect: 'Allow', Resource: '*' }),
          Match.objectLike({ Action: 'sns:Publish', Effect: 'Deny' }),
        ]),
      },
    });
  });
});
