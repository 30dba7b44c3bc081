/**
 * The sender function's use case: an alert id taken from the send queue (AWS), already
 * claimed by the dispatcher, digest or sweeper, is sent now. The queue is drained at the
 * configured messages per second, so bursts of alerts never exceed the provider's rate.
 */
import { sendClaimedAlert, type AlertDeps, type DeliveryOutcome } from './deliver-alert.js';

/**
 * Sends one queued alert. `skipped` when it is no longer a live claim (a redelivered queue
 * message, or the sweeper finished it); an alert whose volunteer is gone or opted out since the
 * claim is not sent (`failed: volunteer_gone`, `suppressed: opted_out`), as the sweeper does.
 */
export async function sendQueuedAlert(deps: AlertDeps, alertId: string): Promise<DeliveryOutcome> {
  const alert = await deps.alerts.get(alertId);
  if (!alert || alert.status !== 'queued') return 'skipped';
  const volunteer = await deps.volunteers.get(alert.volunteerId);
  if (!volunteer) {
    await deps.alerts.setStatus(alert.id, 'failed', { failureReason: 'volunteer_gone' });
    await deps.deadLetters.put({
      kind: 'alert',
      alertId: alert.id,
      volunteerId: alert.volunteerId,
      hotspotId: alert.hotspotId,
      errorCode: 'volunteer_gone',
      retryable: false,
      attempts: 0,
      failedAt: deps.clock.now(),
    });
    return 'failed';
  }
  if (volunteer.status !== 'active') {
    await deps.alerts.setStatus(alert.id, 'suppressed', { suppressedReason: 'opted_out' });
    return 'skipped';
  }
  return sendClaimedAlert(deps, alert, volunteer);
}
