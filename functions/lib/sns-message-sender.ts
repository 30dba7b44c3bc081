import { PublishCommand, type MessageAttributeValue, type SNSClient } from '@aws-sdk/client-sns';
import { MessageSendError } from '../../shared/core/message-send-error.js';
import type { MessageSender, OutgoingMessage } from '../../shared/core/ports.js';
import { isRetryableAwsError, withBackoff, type BackoffOptions, type SdkError } from './retry-backoff.js';

/** Configuration of the SNS SMS adapter (from the composition root). */
export interface SnsMessageSenderConfig extends BackoffOptions {
  /** Registered alphanumeric sender ID (Thailand requires one); absent → carrier default. */
  senderId?: string;
  /** Highest price in USD SNS may pay for one message, e.g. "0.50". */
  maxPriceUsd?: string;
}

/** Whether an SNS error is worth another attempt. */
export const isRetryableSnsError = isRetryableAwsError;

/**
 * {@link MessageSender} for SMS over Amazon SNS `Publish` to a phone number, for accounts
 * without End User Messaging (`SMS_PROVIDER=sns`): Transactional SMS type (delivery over
 * cost), sender ID and max price from configuration. Throttling and transient errors are
 * retried with exponential backoff and full jitter; anything else, or exhausted retries,
 * surfaces as {@link MessageSendError} for the dead-letter path.
 */
export class SnsMessageSender implements MessageSender {
  readonly channel = 'sms' as const;

  constructor(
    private readonly sns: SNSClient,
    private readonly config: SnsMessageSenderConfig = {},
  ) {}

  private attributes(): Record<string, MessageAttributeValue> {
    const attrs: Record<string, MessageAttributeValue> = {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    };
    if (this.config.senderId) attrs['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: this.config.senderId };
    if (this.config.maxPriceUsd)
      attrs['AWS.SNS.SMS.MaxPrice'] = { DataType: 'Number', StringValue: this.config.maxPriceUsd };
    return attrs;
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const command = new PublishCommand({
      PhoneNumber: message.to,
      Message: message.text,
      MessageAttributes: this.attributes(),
    });
    const out = await withBackoff(
      () => this.sns.send(command),
      ({ error, attempts, retryable }) => {
        const code = (error as SdkError).name ?? 'UnknownError';
        const text = retryable
          ? `SNS still failing after ${attempts} attempts (${code})`
          : `SNS refused the SMS (${code})`;
        return new MessageSendError(text, retryable, attempts, code, { cause: error });
      },
      this.config,
    );
    return { providerMessageId: out.MessageId ?? '' };
  }
}
