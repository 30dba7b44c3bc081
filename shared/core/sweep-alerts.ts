/**
 * The sweeper (every few minutes): alerts claimed but never finished, because the sender
 * timed out or crashed, once their lease has expired. One never handed to the provider is
 * sent now (the claim is taken again, so still at most once). One that was being handed over
 * may have gone out: it is not sent again but marked `failed` (`send_outcome_unknown`) with a
 * dead letter, so a coordinator sees it and can check with the volunteer.
 */
import { deliverAlert, type AlertDeps } from './deliver-alert.js';

/** Most claims handled per run; the next run takes the rest. */
const BATCH = 200;

export async function sweepExpiredClaims(
  deps: AlertDeps,
): Promise<{ resent: number; unknown: number; skipped: number }> {
  const now = deps.clock.now();
  const expired = await deps.alerts.expiredClaims(now, BATCH);
  const profiles = await deps.volunteers.getMany([...new Set(expired.map((a) => a.volunteerId))]);
  const result = { resent: 0, unknown: 0, skipped: 0 };
  for (const alert of expired) {
    const volunteer = profiles.get(alert.volunteerId);
    if (alert.sendingAt || !volunteer) {
      const code = alert.sendingAt ? 'send_outcome_unknown' : 'volunteer_gone';
      await deps.alerts.setStatus(alert.id, 'failed', { failureReason: code });
      await deps.deadLetters.put({
        kind: 'alert',
        alertId: alert.id,
        volunteerId: alert.volunteerId,
        hotspotId: alert.hotspotId,
        errorCode: code,
        retryable: false,
        attempts: alert.attempts ?? 0,
        failedAt: now,
      });
      deps.log.warn('claimed alert not finished', { alertId: alert.id, errorCode: code });
      result.unknown++;
      continue;
    }
    if (volunteer.status !== 'active') {
      await deps.alerts.setStatus(alert.id, 'suppressed', { suppressedReason: 'opted_out' });
      result.skipped++;
      continue;
    }
    const outcome = await deliverAlert(deps, alert, volunteer);
    if (outcome === 'skipped') result.skipped++;
    else result.resent++;
  }
  return result;
}
