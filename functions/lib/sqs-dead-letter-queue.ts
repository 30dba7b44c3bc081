import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { AlertDeadLetter, AlertDeadLetterQueue } from '../../shared/alerts/dead-letter.js';

/** Dead letters to the SQS queue of `ALERT_DLQ_URL` (infra: the AlertDlq, with a depth alarm). */
export class SqsDeadLetterQueue implements AlertDeadLetterQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async put(letter: AlertDeadLetter): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify(letter),
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'alert-sms' } },
      }),
    );
  }
}
