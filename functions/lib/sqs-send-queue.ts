import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SendQueue } from '../../shared/core/ports.js';

/** SQS takes at most 10 messages per `SendMessageBatch`. */
const BATCH = 10;

/**
 * {@link SendQueue} on SQS: one message per claimed alert id (the body is the id, nothing
 * else: no number, no text), drained by the sender function at the configured rate.
 * Entries SQS refuses are sent once more, then reported as an error: the claims stay, and
 * the sweeper sends them when their lease expires.
 */
export class SqsSendQueue implements SendQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(alertIds: string[]): Promise<void> {
    for (let i = 0; i < alertIds.length; i += BATCH) {
      let entries = alertIds.slice(i, i + BATCH).map((id, n) => ({ Id: String(n), MessageBody: id }));
      for (let attempt = 1; entries.length; attempt++) {
        const out = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
        if (entries.length && attempt >= 2) {
          throw new Error(
            `SQS refused ${entries.length} of the alerts to send (${out.Failed?.[0]?.Code ?? 'unknown'})`,
          );
        }
      }
    }
  }
}
