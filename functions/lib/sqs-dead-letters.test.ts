import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { SqsDeadLetters } from './sqs-dead-letters.js';

describe('SqsDeadLetters', () => {
  it('sends one message per dead letter to the configured queue, without PII', async () => {
    const sqs = mockClient(SQSClient);
    sqs.on(SendMessageCommand).resolves({ MessageId: 'q-1' });
    const letter = {
      kind: 'alert' as const,
      alertId: 'a1',
      volunteerId: 'v1',
      hotspotId: 'h1',
      errorCode: 'ThrottledException',
      retryable: true,
      attempts: 5,
      failedAt: '2026-11-25T05:00:00.000Z',
    };
    await new SqsDeadLetters(new SQSClient({ region: 'ap-southeast-1' }), {
      alert: 'https://sqs.example/alert-dlq',
      streams: {},
    }).put(letter);
    const calls = sqs.commandCalls(SendMessageCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input.QueueUrl).toBe('https://sqs.example/alert-dlq');
    expect(JSON.parse(calls[0]!.args[0].input.MessageBody!)).toEqual(letter);
    sqs.restore();
  });
});
