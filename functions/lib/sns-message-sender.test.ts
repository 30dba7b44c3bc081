import {
  InternalErrorException,
  InvalidParameterException,
  PublishCommand,
  SNSClient,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { MessageSendError } from '../../shared/core/message-send-error.js';
import { SnsMessageSender, isRetryableSnsError } from './sns-message-sender.js';

const sns = mockClient(SNSClient);
const message = { channel: 'sms' as const, to: '+66812345678', text: 'พิทักษ์: จุดเสี่ยงใหม่', alertId: 'a1' };
let sleeps: number[];

function sender(extra = {}) {
  return new SnsMessageSender(new SNSClient({ region: 'ap-southeast-1' }), {
    senderId: 'PHITHAK',
    maxPriceUsd: '0.50',
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.999,
    ...extra,
  });
}
const throttled = () => new ThrottledException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } });

beforeEach(() => {
  sns.reset();
  sleeps = [];
});

describe('SnsMessageSender', () => {
  it('publishes a transactional SMS with the configured sender ID and max price', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    expect(await sender().send(message)).toEqual({ providerMessageId: 'm-1' });
    const calls = sns.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      PhoneNumber: '+66812345678',
      Message: message.text,
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'PHITHAK' },
        'AWS.SNS.SMS.MaxPrice': { DataType: 'Number', StringValue: '0.50' },
      },
    });
  });

  it('leaves out sender ID and max price when not configured', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-2' });
    await new SnsMessageSender(new SNSClient({ region: 'ap-southeast-1' })).send(message);
    expect(Object.keys(sns.commandCalls(PublishCommand)[0]!.args[0].input.MessageAttributes!)).toEqual([
      'AWS.SNS.SMS.SMSType',
    ]);
  });

  it('retries throttling with growing, jittered backoff, then succeeds', async () => {
    sns
      .on(PublishCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .rejectsOnce(new InternalErrorException({ message: 'x', $metadata: {} }))
      .resolves({ MessageId: 'm-3' });
    expect(await sender().send(message)).toEqual({ providerMessageId: 'm-3' });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(4);
    expect(sleeps).toEqual([199, 399, 799]);
  });

  it('gives up after maxAttempts with a retryable MessageSendError', async () => {
    sns.on(PublishCommand).rejects(throttled());
    const err = await sender({ maxAttempts: 3 })
      .send(message)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MessageSendError);
    expect(err).toMatchObject({ retryable: true, attempts: 3, code: 'ThrottledException' });
    expect((err as MessageSendError).cause).toBeInstanceOf(ThrottledException);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry a permanent refusal', async () => {
    sns.on(PublishCommand).rejects(
      new InvalidParameterException({
        message: 'Invalid parameter: PhoneNumber',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const err = await sender()
      .send(message)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'MessageSendError',
      retryable: false,
      attempts: 1,
      code: 'InvalidParameterException',
    });
    expect((err as Error).message).not.toContain('+66812345678');
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('caps each backoff', async () => {
    sns.on(PublishCommand).rejects(throttled());
    await sender({ maxAttempts: 8, maxDelayMs: 1000 })
      .send(message)
      .catch(() => undefined);
    expect(Math.max(...sleeps)).toBeLessThan(1000);
    expect(sleeps).toHaveLength(7);
  });

  it.each([
    [{ name: 'KMSThrottlingException' }, true],
    [{ name: 'Whatever', $metadata: { httpStatusCode: 429 } }, true],
    [{ name: 'Whatever', $metadata: { httpStatusCode: 503 } }, true],
    [{ name: 'AuthorizationErrorException', $metadata: { httpStatusCode: 403 } }, false],
    [undefined, false],
  ])('classifies %j as retryable=%s', (err, expected) => {
    expect(isRetryableSnsError(err)).toBe(expected);
  });
});
