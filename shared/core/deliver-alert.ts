/**
 * The one place that sends. An alert is claimed with a conditional write before anything
 * goes, marked just before the provider is called, and given its final status after: so
 * redelivered stream batches, retries and concurrent senders never send the same alert
 * twice, and an alert is never lost without a trace (a crash leaves a claim the sweeper
 * finds: unsent ones are sent, ones that may have gone are marked failed with a reason).
 */
import { bangkokDay } from '../alerts/quiet-hours.js';
import type { Alert, Volunteer } from '../types.js';
import { MessageSendError } from './message-send-error.js';
import { CHANNEL_TEMPLATES } from './message-templates.js';
import type {
  AlertLog,
  Clock,
  DeadLetters,
  GazetteerPort,
  IdSource,
  LogPort,
  MessageSenders,
  SendQueue,
  VolunteerDirectory,
} from './ports.js';

/** What delivering alerts needs. */
export interface AlertDeps {
  volunteers: VolunteerDirectory;
  alerts: AlertLog;
  senders: MessageSenders;
  deadLetters: DeadLetters;
  clock: Clock;
  ids: IdSource;
  gazetteer: GazetteerPort;
  log: LogPort;
  /** Present in AWS: claimed alerts are queued for the rate-limited sender function. */
  sendQueue?: SendQueue;
  settings: { publicBaseUrl: string };
}

export type DeliveryOutcome = 'sent' | 'queued' | 'failed' | 'skipped';

/**
 * Claims `alert` and sends it (or queues it for the sender function). `skipped` when it was
 * already claimed: it must not go again.
 */
export async function deliverAlert(deps: AlertDeps, alert: Alert, volunteer: Volunteer): Promise<DeliveryOutcome> {
  if (!(await deps.alerts.claim(alert, deps.clock.now()))) return 'skipped';
  if (deps.sendQueue) {
    await deps.sendQueue.enqueue([alert.id]);
    return 'queued';
  }
  return sendClaimedAlert(deps, alert, volunteer);
}

/**
 * Sends an alert this process has claimed, and records `sent` (and the daily count) or
 * `failed` with its reason and a dead letter. `skipped` when it is no longer a live claim.
 */
export async function sendClaimedAlert(
  deps: AlertDeps,
  alert: Alert,
  volunteer: Pick<Volunteer, 'phone'>,
): Promise<DeliveryOutcome> {
  const channel = alert.messageChannel ?? 'sms';
  const sender = deps.senders[channel];
  const to = CHANNEL_TEMPLATES[channel].addressOf(volunteer);
  if (!sender || !to) {
    const code = !sender ? `no_${channel}_sender` : `no_${channel}_address`;
    return fail(deps, alert, new MessageSendError(`cannot send over ${channel}`, false, 0, code));
  }
  if (!(await deps.alerts.markSending(alert.id, deps.clock.now()))) return 'skipped';
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await sender.send({ channel, to, text: alert.message, alertId: alert.id }));
  } catch (err) {
    const e =
      err instanceof MessageSendError
        ? err
        : new MessageSendError('send failed', true, 1, (err as Error)?.name ?? 'Error', { cause: err });
    return fail(deps, alert, e);
  }
  const now = deps.clock.now();
  await deps.alerts.setStatus(alert.id, 'sent', { providerMessageId, attempts: 1, sentAt: now });
  try {
    await deps.alerts.countSent(alert.volunteerId, bangkokDay(now));
  } catch (err) {
    // The message went and says so; only the daily cap's count is short by one.
    deps.log.warn('daily count not updated', { alertId: alert.id, error: (err as Error)?.name });
  }
  return 'sent';
}

async function fail(deps: AlertDeps, alert: Alert, e: MessageSendError): Promise<DeliveryOutcome> {
  const failedAt = deps.clock.now();
  await deps.alerts.setStatus(alert.id, 'failed', { attempts: e.attempts, failureReason: e.code });
  await deps.deadLetters.put({
    kind: 'alert',
    alertId: alert.id,
    volunteerId: alert.volunteerId,
    hotspotId: alert.hotspotId,
    errorCode: e.code,
    retryable: e.retryable,
    attempts: e.attempts,
    failedAt,
  });
  deps.log.warn('message failed', { alertId: alert.id, errorCode: e.code, retryable: e.retryable });
  return 'failed';
}

/** The gazetteer when it loads, else undefined (Thai names still say where, at UCS-2 cost). */
export function gazetteerOrNone(deps: Pick<AlertDeps, 'gazetteer' | 'log'>) {
  try {
    return deps.gazetteer();
  } catch (err) {
    deps.log.warn('gazetteer unavailable for place names', { error: (err as Error)?.message });
    return undefined;
  }
}
