import type { AlertDeadLetter, AlertDeadLetterQueue } from '../../shared/alerts/dead-letter.js';
import type { AlertsRepo } from './alerts-repo.js';

/**
 * The local dead-letter queue: the alert log is already the outbox, so a dead letter is
 * the `failed` alert with a `deadLetter` record on it (visible in `GET /api/alerts`), and
 * one console line for whoever runs `npm start`.
 */
export class AlertLogDeadLetterQueue implements AlertDeadLetterQueue {
  constructor(
    private readonly alerts: AlertsRepo,
    private readonly print: (line: string) => void = (line) => console.error(line),
  ) {}

  async put(letter: AlertDeadLetter): Promise<void> {
    const { alertId, ...rest } = letter;
    await this.alerts.setStatus(alertId, 'failed', { deadLetter: rest, attempts: letter.attempts });
    this.print(`[dead-letter] alert ${alertId} failed after ${letter.attempts} attempt(s): ${letter.errorCode}`);
  }
}
