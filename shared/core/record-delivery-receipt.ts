/**
 * Delivery receipts: the provider reports, seconds to hours after the send, whether a message
 * reached the phone. A `sent` alert becomes `delivered` or `undelivered` (with the receipt's
 * code), so coordinators see alerts that silently never arrived. Receipts come late, twice or
 * out of order; only the first final one on a `sent` alert counts.
 */
import type { AlertLog, DeliveryReceipt, LogPort } from './ports.js';

/** One receipt, as an adapter parsed it from the provider's event. */
export interface ReceiptEvent extends DeliveryReceipt {
  /** The alert the message carried (sent as provider metadata); absent on messages that were not alerts. */
  alertId?: string;
}

export type ReceiptOutcome = 'recorded' | 'ignored';

/**
 * The provider's final event types and what each means for an alert (AWS End User Messaging
 * SMS, "Event types for SMS, MMS, and voice"), declared once: the receipt parser reads them,
 * and the CDK configuration set subscribes to exactly these. `TEXT_SUCCESSFUL` (the carrier
 * took it) stands in for `TEXT_DELIVERED` in countries without handset receipts.
 */
export const RECEIPT_EVENT_TYPES = {
  delivered: ['TEXT_DELIVERED', 'TEXT_SUCCESSFUL'],
  undelivered: [
    'TEXT_BLOCKED',
    'TEXT_TTL_EXPIRED',
    'TEXT_CARRIER_UNREACHABLE',
    'TEXT_INVALID',
    'TEXT_INVALID_MESSAGE',
    'TEXT_CARRIER_BLOCKED',
    'TEXT_UNREACHABLE',
    'TEXT_SPAM',
    'TEXT_UNKNOWN',
    'TEXT_PROTECT_BLOCKED',
  ],
} as const;

/**
 * Records one receipt on its alert. `ignored` when it names no alert, or the alert is not
 * `sent` (unknown, a repeat, or a receipt after another final one): never an error, since the
 * provider would only send it again.
 */
export async function recordDeliveryReceipt(
  deps: { alerts: AlertLog; log: LogPort },
  receipt: ReceiptEvent,
): Promise<ReceiptOutcome> {
  if (!receipt.alertId) return 'ignored';
  const { alertId, status, code, at } = receipt;
  const recorded = await deps.alerts.recordReceipt(alertId, { status, code, at });
  if (recorded && status === 'undelivered') deps.log.warn('message not delivered', { alertId, code });
  return recorded ? 'recorded' : 'ignored';
}
