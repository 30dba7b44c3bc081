import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetter } from '../../shared/core/dead-letter.js';
import type { DeadLetters } from '../../shared/core/ports.js';

/**
 * Dead letters to SQS: alert letters to the alert queue (`ALERT_DLQ_URL`), stream records to
 * the failure queue of their stream (the same queue the event source mapping sends to), each
 * with a depth alarm in infra/.
 */
export class SqsDeadLetters implements DeadLetters {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queues: { alert: string; streams: Partial<Record<string, string>> },
  ) {}

  async put(letter: DeadLetter): Promise<void> {
    const queueUrl = letter.kind === 'alert' ? this.queues.alert : this.queues.streams[letter.stream];
    if (!queueUrl)
      throw new Error(`no failure queue configured for ${letter.kind === 'alert' ? 'alerts' : letter.stream}`);
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(letter),
        MessageAttributes: { kind: { DataType: 'String', StringValue: letter.kind } },
      }),
    );
  }
}
