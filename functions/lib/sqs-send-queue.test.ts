import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SqsSendQueue } from './sqs-send-queue.js';

const sqs = mockClient(SQSClient);
const queue = () => new SqsSendQueue(new SQSClient({ region: 'ap-southeast-1' }), 'https://sqs.example/send');

beforeEach(() => sqs.reset());
afterAll(() => sqs.restore());

describe('SqsSendQueue', () => {
  it('sends the alert ids in batches of at most 10, one id per message body', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const ids = Array.from({ length: 23 }, (_, i) => `alert-${i}`);
    await queue().enqueue(ids);
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.Entries!.length)).toEqual([10, 10, 3]);
    expect(calls.every((c) => c.QueueUrl === 'https://sqs.example/send')).toBe(true);
    expect(calls.flatMap((c) => c.Entries!.map((e) => e.MessageBody))).toEqual(ids);
  });

  it('sends refused entries once more, then fails loudly', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolvesOnce({ Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }] })
      .resolves({ Failed: [] });
    await queue().enqueue(['a', 'b']);
    const retry = sqs.commandCalls(SendMessageBatchCommand)[1]!.args[0].input;
    expect(retry.Entries).toEqual([{ Id: '1', MessageBody: 'b' }]);

    sqs.reset();
    sqs.on(SendMessageBatchCommand).resolves({ Failed: [{ Id: '0', Code: 'KMS.Throttled', SenderFault: false }] });
    await expect(queue().enqueue(['c'])).rejects.toThrow(/refused 1 .*KMS.Throttled/);
  });
});
