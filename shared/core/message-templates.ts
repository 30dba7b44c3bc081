/**
 * The text templates of each message channel: what an alert and a digest say on it, fitted
 * to its length rules. A new channel (LINE, say) is a new entry here plus its sender adapter.
 */
import { composeDigestSms, type DigestSmsInput } from '../alerts/digest-sms.js';
import { composeAlertSms, type AlertSmsInput } from '../alerts/sms-text.js';
import type { Volunteer } from '../types.js';
import type { MessageChannel } from './ports.js';

/** A composed message and the parts it costs on its channel. */
export interface ComposedMessage {
  text: string;
  segments: number;
}

/** One channel's templates and how to address a volunteer on it. */
export interface ChannelTemplates {
  alert(input: AlertSmsInput): ComposedMessage;
  digest(input: DigestSmsInput): ComposedMessage;
  /** The volunteer's address on this channel, or undefined when they have none. */
  addressOf(volunteer: Pick<Volunteer, 'phone'>): string | undefined;
}

export const CHANNEL_TEMPLATES: Record<MessageChannel, ChannelTemplates> = {
  sms: { alert: composeAlertSms, digest: composeDigestSms, addressOf: (v) => v.phone },
};

/** The channel a volunteer's alerts go over (every volunteer has a phone; SMS reaches basic phones). */
export function channelOf(_volunteer: Pick<Volunteer, 'phone'>): MessageChannel {
  return 'sms';
}
