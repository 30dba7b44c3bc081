import type { Alert, AlertStatus } from '../../types.js';
import type { AlertLog, AlertQuery, DeliveryReceipt } from '../ports.js';
import { copy } from './copy.js';

type Stored = Alert & { held?: boolean; leaseUntil?: string; sendingAt?: string };

/** {@link AlertLog} in memory, with the DynamoDB adapter's claim, lease and hold semantics. */
export class MemoryAlertLog implements AlertLog {
  readonly alerts = new Map<string, Stored>();
  readonly counters = new Map<string, number>();

  constructor(private readonly leaseMs = 5 * 60_000) {}

  async claim(alert: Alert, now: string): Promise<boolean> {
    const s = this.alerts.get(alert.id);
    const expired =
      s && s.status === 'queued' && !s.held && !s.sendingAt && s.leaseUntil !== undefined && s.leaseUntil < now;
    if (s && !expired) return false;
    this.alerts.set(alert.id, {
      ...copy(alert),
      status: 'queued',
      leaseUntil: new Date(Date.parse(now) + this.leaseMs).toISOString(),
    });
    return true;
  }

  async hold(alert: Alert, holdUntil: string): Promise<boolean> {
    if (this.alerts.has(alert.id)) return false;
    this.alerts.set(alert.id, { ...copy(alert), status: 'queued', held: true, holdUntil });
    return true;
  }

  async suppress(alert: Alert, suppressedReason: string): Promise<boolean> {
    if (this.alerts.has(alert.id)) return false;
    this.alerts.set(alert.id, { ...copy(alert), status: 'suppressed', suppressedReason });
    return true;
  }

  async get(id: string): Promise<Alert | undefined> {
    const s = this.alerts.get(id);
    return s && this.view(s);
  }

  async setStatus(id: string, status: AlertStatus, extra: Partial<Alert> = {}): Promise<void> {
    const s = this.alerts.get(id);
    if (!s) throw new Error(`no alert ${id}`);
    const { held: _h, leaseUntil: _l, sendingAt: _s, ...rest } = s;
    this.alerts.set(id, { ...rest, ...extra, status });
  }

  async markSending(id: string, now: string): Promise<boolean> {
    const s = this.alerts.get(id);
    if (!s || s.status !== 'queued' || s.leaseUntil === undefined || s.sendingAt) return false;
    s.sendingAt = now;
    return true;
  }

  async expiredClaims(now: string, limit: number): Promise<Array<Alert & { sendingAt?: string }>> {
    return [...this.alerts.values()]
      .filter((s) => s.leaseUntil !== undefined && s.leaseUntil < now)
      .slice(0, limit)
      .map((s) => ({ ...this.view(s), ...(s.sendingAt ? { sendingAt: s.sendingAt } : {}) }));
  }

  async list(q: AlertQuery = {}): Promise<Alert[]> {
    return [...this.alerts.values()]
      .filter((a) => (!q.since || a.createdAt >= q.since) && (!q.until || a.createdAt <= q.until))
      .filter((a) => (!q.reason || a.reason === q.reason) && (!q.status || a.status === q.status))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .slice(0, q.limit ?? 200)
      .map((s) => this.view(s));
  }

  async listForVolunteer(volunteerId: string, limit = 50): Promise<Alert[]> {
    return (await this.list({ limit: Infinity })).filter((a) => a.volunteerId === volunteerId).slice(0, limit);
  }

  async dueHeld(now: string): Promise<Alert[]> {
    return [...this.alerts.values()]
      .filter((s) => s.held && s.holdUntil !== undefined && s.holdUntil <= now)
      .sort((a, b) => (a.holdUntil! < b.holdUntil! ? -1 : 1))
      .map((s) => this.view(s));
  }

  async sentOn(volunteerIds: readonly string[], day: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const id of volunteerIds) {
      const n = this.counters.get(`${id}|${day}`);
      if (n) out.set(id, n);
    }
    return out;
  }

  async countSent(volunteerId: string, day: string): Promise<void> {
    const key = `${volunteerId}|${day}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
  }

  async recordReceipt(alertId: string, receipt: DeliveryReceipt): Promise<boolean> {
    const s = this.alerts.get(alertId);
    if (!s || s.status !== 'sent') return false;
    const extra = receipt.status === 'delivered' ? { deliveredAt: receipt.at } : { failureReason: receipt.code };
    this.alerts.set(alertId, { ...s, ...extra, status: receipt.status, updatedAt: receipt.at });
    return true;
  }

  private view(s: Stored): Alert {
    const { held: _h, leaseUntil: _l, sendingAt: _s, ...alert } = copy(s);
    return alert;
  }
}
