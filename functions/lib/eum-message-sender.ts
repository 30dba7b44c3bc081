import { SendTextMessageCommand, type PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { MessageSendError } from '../../shared/core/message-send-error.js';
import type { MessageSender, OutgoingMessage } from '../../shared/core/ports.js';
import { withBackoff, type BackoffOptions, type SdkError } from './retry-backoff.js';

/** Configuration of the End User Messaging SMS adapter (from the composition root). */
export interface EumMessageSenderConfig extends BackoffOptions {
  /** The origination identity: the pool holding the registered sender ID (its ARN or id), or the sender ID itself. */
  originationIdentity?: string;
  /** The configuration set whose event destination carries delivery receipts back. */
  configurationSetName?: string;
  /** The protect configuration (countries allowed); the configuration set names it too. */
  protectConfigurationId?: string;
  /** Highest price in USD per message part, e.g. "0.50". */
  maxPriceUsd?: string;
  /** Seconds the carrier keeps trying before the message expires (`TEXT_TTL_EXPIRED`); an alert an hour late is news. */
  timeToLiveS?: number;
}

/** The default TTL, seconds: an alert still undelivered after an hour is reported undelivered. */
export const DEFAULT_SMS_TTL_S = 3600;

/** The `Reason` End User Messaging puts on validation, conflict and quota errors (e.g. `DESTINATION_PHONE_NUMBER_OPTED_OUT`). */
function codeOf(err: unknown): string {
  const e = err as SdkError & { Reason?: string };
  const name = e?.name ?? 'UnknownError';
  return e?.Reason ? `${name}:${e.Reason}` : name;
}

/**
 * {@link MessageSender} for SMS over AWS End User Messaging SMS (`SendTextMessage`): a
 * transactional message from the registered sender ID, through the configuration set (so
 * delivery events come back with the alert id in their `context`), with a price ceiling and a
 * time to live. Throttling and transient errors are retried with backoff; a refusal (opted
 * out, blocked country, spend limit reached, bad number) is a non-retryable {@link MessageSendError}.
 */
export class EumMessageSender implements MessageSender {
  readonly channel = 'sms' as const;

  constructor(
    private readonly client: PinpointSMSVoiceV2Client,
    private readonly config: EumMessageSenderConfig = {},
  ) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const c = this.config;
    const command = new SendTextMessageCommand({
      DestinationPhoneNumber: message.to,
      MessageBody: message.text,
      MessageType: 'TRANSACTIONAL',
      ...(c.originationIdentity ? { OriginationIdentity: c.originationIdentity } : {}),
      ...(c.configurationSetName ? { ConfigurationSetName: c.configurationSetName } : {}),
      ...(c.protectConfigurationId ? { ProtectConfigurationId: c.protectConfigurationId } : {}),
      ...(c.maxPriceUsd ? { MaxPrice: c.maxPriceUsd } : {}),
      TimeToLive: c.timeToLiveS ?? DEFAULT_SMS_TTL_S,
      Context: { alertId: message.alertId },
    });
    const out = await withBackoff(
      () => this.client.send(command),
      ({ error, attempts, retryable }) => {
        const code = codeOf(error);
        const text = retryable
          ? `End User Messaging still failing after ${attempts} attempts (${code})`
          : `End User Messaging refused the SMS (${code})`;
        return new MessageSendError(text, retryable, attempts, code, { cause: error });
      },
      c,
    );
    return { providerMessageId: out.MessageId ?? '' };
  }
}
