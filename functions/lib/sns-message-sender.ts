import { PublishCommand, type MessageAttributeValue, type SNSClient } from '@aws-sdk/client-sns';
import { MessageSendError } from '../../shared/core/message-send-error.js';
import type { MessageSender, OutgoingMessage } from '../../shared/core/ports.js';

/** Configuration of the SNS SMS adapter (from the composition root). */
export interface SnsMessageSenderConfig {
  /** Registered alphanumeric sender ID (Thailand requires one); absent → carrier default. */
  senderId?: string;
  /** Highest price in USD SNS may pay for one message, e.g. "0.50". */
  maxPriceUsd?: string;
  /** Attempts in all, first included. */
  maxAttempts?: number;
  /** First backoff, ms; doubles per attempt, full jitter. */
  baseDelayMs?: number;
  /** Longest single backoff, ms. */
  maxDelayMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Error names SNS (and the KMS key behind an encrypted topic) use when throttling. */
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'Throttled',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'KMSThrottlingException',
  'KMSThrottling',
]);
/** Transient server-side failures, retried like throttling. */
const TRANSIENT = new Set([
  'InternalErrorException',
  'InternalError',
  'ServiceUnavailable',
  'TimeoutError',
  'ECONNRESET',
]);

interface SdkError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

/** Whether an SDK error is worth another attempt. */
export function isRetryableSnsError(err: unknown): boolean {
  const e = (err ?? {}) as SdkError;
  const name = e.name ?? e.code ?? '';
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    THROTTLING.has(name) || TRANSIENT.has(name) || status === 429 || status >= 500 || e.$retryable?.throttling === true
  );
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * {@link MessageSender} for SMS over Amazon SNS `Publish` to a phone number: Transactional SMS type
 * (delivery over cost), sender ID and max price from configuration. Throttling and
 * transient errors are retried with exponential backoff and full jitter; anything else,
 * or exhausted retries, surfaces as {@link MessageSendError} for the dead-letter path.
 */
export class SnsMessageSender implements MessageSender {
  readonly channel = 'sms' as const;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly sns: SNSClient,
    private readonly config: SnsMessageSenderConfig = {},
  ) {
    this.maxAttempts = config.maxAttempts ?? 5; // about 3 s of backoff in all at the defaults
    this.baseDelayMs = config.baseDelayMs ?? 200;
    this.maxDelayMs = config.maxDelayMs ?? 2000;
    this.sleep = config.sleep ?? defaultSleep;
    this.random = config.random ?? Math.random;
  }

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
    for (let attempt = 1; ; attempt++) {
      try {
        const out = await this.sns.send(command);
        return { providerMessageId: out.MessageId ?? '' };
      } catch (err) {
        const code = (err as SdkError).name ?? 'UnknownError';
        const retryable = isRetryableSnsError(err);
        if (!retryable)
          throw new MessageSendError(`SNS refused the SMS (${code})`, false, attempt, code, { cause: err });
        if (attempt >= this.maxAttempts) {
          throw new MessageSendError(`SNS still failing after ${attempt} attempts (${code})`, true, attempt, code, {
            cause: err,
          });
        }
        const capMs = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
        await this.sleep(Math.floor(this.random() * capMs));
      }
    }
  }
}
