/**
 * Ports: what the core needs from the outside world. Adapters live in functions/
 * (AWS SDK) and in tests (in-memory).
 */

/** Sends one SMS. Implemented by the SNS adapter in AWS and the outbox locally. */
export interface SmsSender {
  /**
   * @param message.to E.164 phone number
   * @param message.text the full SMS text (already composed and length-checked)
   * @param message.alertId the alert's id, for logs and provider metadata
   * @returns the provider's message id
   */
  send(message: { to: string; text: string; alertId: string }): Promise<{ providerMessageId: string }>;
}
