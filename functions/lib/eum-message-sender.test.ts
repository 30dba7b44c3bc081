import {
  ConflictException,
  InternalServerException,
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
  ServiceQuotaExceededException,
  ThrottlingException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MessageSendError } from '../../shared/core/message-send-error.js';
import { EumMessageSender } from './eum-message-sender.js';

const eum = mockClient(PinpointSMSVoiceV2Client);
const message = { channel: 'sms' as const, to: '+66812345678', text: 'พิทักษ์: จุดเสี่ยงใหม่', alertId: 'a1' };
let sleeps: number[];

function sender(extra = {}) {
  return new EumMessageSender(new PinpointSMSVoiceV2Client({ region: 'ap-southeast-1' }), {
    originationIdentity: 'pool-123',
    configurationSetName: 'phithak-prod',
    protectConfigurationId: 'protect-456',
    maxPriceUsd: '0.50',
    timeToLiveS: 900,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.999,
    ...extra,
  });
}
const throttled = () => new ThrottlingException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } });

beforeEach(() => {
  eum.reset();
  sleeps = [];
});
afterAll(() => eum.restore());

describe('EumMessageSender', () => {
  it('sends a transactional SMS through the configuration set, with the alert id as context', async () => {
    eum.on(SendTextMessageCommand).resolves({ MessageId: 'm-1' });
    expect(await sender().send(message)).toEqual({ providerMessageId: 'm-1' });
    expect(eum.commandCalls(SendTextMessageCommand)[0]!.args[0].input).toEqual({
      DestinationPhoneNumber: '+66812345678',
      MessageBody: message.text,
      MessageType: 'TRANSACTIONAL',
      OriginationIdentity: 'pool-123',
      ConfigurationSetName: 'phithak-prod',
      ProtectConfigurationId: 'protect-456',
      MaxPrice: '0.50',
      TimeToLive: 900,
      Context: { alertId: 'a1' },
    });
  });

  it('retries throttling and server errors with growing, jittered backoff (shared with SNS)', async () => {
    eum
      .on(SendTextMessageCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(new InternalServerException({ message: 'x', $metadata: { httpStatusCode: 500 } }))
      .resolves({ MessageId: 'm-2' });
    expect(await sender().send(message)).toEqual({ providerMessageId: 'm-2' });
    expect(sleeps).toEqual([199, 399]);
  });

  it('gives up after maxAttempts with a retryable MessageSendError', async () => {
    eum.on(SendTextMessageCommand).rejects(throttled());
    const err = await sender({ maxAttempts: 3 })
      .send(message)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'MessageSendError', retryable: true, attempts: 3, code: 'ThrottlingException' });
  });

  it('does not retry an opted-out number, and names the reason without the number', async () => {
    eum.on(SendTextMessageCommand).rejects(
      new ConflictException({
        message: 'opted out',
        Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const err = (await sender()
      .send(message)
      .catch((e: unknown) => e)) as MessageSendError;
    expect(err).toBeInstanceOf(MessageSendError);
    expect(err).toMatchObject({
      retryable: false,
      attempts: 1,
      code: 'ConflictException:DESTINATION_PHONE_NUMBER_OPTED_OUT',
    });
    expect(err.message).not.toContain('812345678');
    expect(eum.commandCalls(SendTextMessageCommand)).toHaveLength(1);
  });

  it('treats a reached spend limit as permanent (retrying cannot raise it)', async () => {
    eum.on(SendTextMessageCommand).rejects(
      new ServiceQuotaExceededException({
        message: 'limit',
        Reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT',
        $metadata: { httpStatusCode: 402 },
      }),
    );
    const err = await sender()
      .send(message)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      retryable: false,
      code: 'ServiceQuotaExceededException:MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT',
    });
  });

  it('leaves out what is not configured, and keeps a one-hour TTL by default', async () => {
    eum.on(SendTextMessageCommand).resolves({ MessageId: 'm-3' });
    await new EumMessageSender(new PinpointSMSVoiceV2Client({ region: 'ap-southeast-1' })).send(message);
    const input = eum.commandCalls(SendTextMessageCommand)[0]!.args[0].input;
    expect(Object.keys(input).sort()).toEqual(
      ['Context', 'DestinationPhoneNumber', 'MessageBody', 'MessageType', 'TimeToLive'].sort(),
    );
    expect(input.TimeToLive).toBe(3600);
  });
});
