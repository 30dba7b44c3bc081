/**
 * End User Messaging SMS delivery events, as the configuration set's SNS event destination
 * delivers them: each SNS record's `Message` is one event (docs: "Example SMS event data for
 * AWS End User Messaging SMS", sms-voice user guide `configuration-sets-event-format`):
 * `eventType` (`TEXT_DELIVERED`, `TEXT_BLOCKED`, …), `isFinal`, `messageId`, `messageStatus`,
 * `eventTimestamp` (ms), `context` (what `SendTextMessage` was given: our `alertId`),
 * `totalMessageParts`, `totalMessagePrice`, `totalCarrierFee` (USD).
 */
import type { SNSEventRecord } from 'aws-lambda';
import { RECEIPT_EVENT_TYPES, type ReceiptEvent } from '../../shared/core/record-delivery-receipt.js';

/** The fields of an event this adapter reads; the rest (numbers, MCC/MNC) is never kept. */
interface EumSmsEvent {
  eventType?: string;
  isFinal?: boolean;
  eventTimestamp?: number;
  messageId?: string;
  messageStatus?: string;
  context?: Record<string, string>;
  totalMessageParts?: number;
  totalMessagePrice?: number;
  totalCarrierFee?: number;
}

const DELIVERED = new Set<string>(RECEIPT_EVENT_TYPES.delivered);
const UNDELIVERED = new Set<string>(RECEIPT_EVENT_TYPES.undelivered);

/** One parsed event: the receipt (absent for intermediate events such as `TEXT_QUEUED`) and what it cost. */
export interface ParsedDeliveryEvent {
  receipt?: ReceiptEvent;
  messageId?: string;
  /** SMS parts the message took. */
  parts: number;
  /** Price plus carrier fee, USD. */
  priceUsd: number;
}

/** Thrown for a record that is not an End User Messaging SMS event: retrying cannot help. */
export class UnreadableEventError extends Error {
  override name = 'UnreadableEventError';
}

/** Parses one SNS-wrapped End User Messaging event. */
export function parseDeliveryEvent(record: Pick<SNSEventRecord, 'Sns'>): ParsedDeliveryEvent {
  let event: EumSmsEvent;
  try {
    event = JSON.parse(record.Sns.Message) as EumSmsEvent;
  } catch {
    throw new UnreadableEventError('the SNS message is not JSON');
  }
  if (!event || typeof event.eventType !== 'string') throw new UnreadableEventError('the event has no eventType');
  const type = event.eventType;
  const cost = {
    messageId: event.messageId,
    parts: Number(event.totalMessageParts ?? 0) || 0,
    priceUsd: (Number(event.totalMessagePrice ?? 0) || 0) + (Number(event.totalCarrierFee ?? 0) || 0),
  };
  const final = event.isFinal !== false;
  const status = DELIVERED.has(type) ? 'delivered' : UNDELIVERED.has(type) ? 'undelivered' : undefined;
  if (!status || !final) return cost;
  const ms = Number(event.eventTimestamp);
  const at = new Date(Number.isFinite(ms) && ms > 0 ? ms : Date.parse(record.Sns.Timestamp ?? '')).toISOString();
  const alertId = typeof event.context?.alertId === 'string' ? event.context.alertId : undefined;
  return { ...cost, receipt: { alertId, status, code: type, at } };
}
