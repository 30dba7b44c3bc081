import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { AlertDeadLetterQueue } from '../../shared/alerts/dead-letter.js';
import type { SmsSender } from '../../shared/ports.js';
import { AlertLogDeadLetterQueue } from './alert-log-dead-letter-queue.js';
import type { AlertsRepo } from './alerts-repo.js';
import type { Config } from './config.js';
import { OutboxSmsSender } from './outbox-sms-sender.js';
import { SnsSmsSender } from './sns-sms-sender.js';
import { SqsDeadLetterQueue } from './sqs-dead-letter-queue.js';

/** The SMS adapter for where we run: the outbox locally, SNS in AWS. */
export function createSmsSender(config: Config): SmsSender {
  if (config.mode === 'local') return new OutboxSmsSender();
  return new SnsSmsSender(new SNSClient({ region: config.region }), {
    senderId: config.sms.senderId,
    maxPriceUsd: config.sms.maxPriceUsd,
  });
}

/** Where failed SMS go: the SQS queue of `ALERT_DLQ_URL` in AWS, the alert log locally. */
export function createDeadLetterQueue(config: Config, alerts: AlertsRepo): AlertDeadLetterQueue {
  if (config.mode === 'aws' && config.alertDlqUrl) {
    return new SqsDeadLetterQueue(new SQSClient({ region: config.region }), config.alertDlqUrl);
  }
  return new AlertLogDeadLetterQueue(alerts);
}
