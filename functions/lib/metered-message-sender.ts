import { countSegments } from '../../shared/alerts/sms-segments.js';
import type { MessageSender, OutgoingMessage } from '../../shared/core/ports.js';
import type { Telemetry } from './powertools-telemetry.js';

/**
 * A {@link MessageSender} that counts what the wrapped one does: `MessagesSent` and the SMS
 * parts it cost (`SmsSegments`), or `MessagesFailed`. Every send path (queued alerts, direct
 * sends, opt-out confirmations) goes through it, so the spend and failure alarms see them all.
 */
export function meteredSender(sender: MessageSender, telemetry: Telemetry): MessageSender {
  return {
    channel: sender.channel,
    async send(message: OutgoingMessage) {
      try {
        const out = await sender.send(message);
        telemetry.count('MessagesSent');
        telemetry.count('SmsSegments', countSegments(message.text).segments);
        return out;
      } catch (err) {
        telemetry.count('MessagesFailed');
        throw err;
      }
    },
  };
}
