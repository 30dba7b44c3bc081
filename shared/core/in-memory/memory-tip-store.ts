import type { ClusterTip, Tip, TipStatusChange } from '../../types.js';
import { tipCell } from '../../hotspots/index.js';
import { InvalidCursorError } from '../errors.js';
import type { Clock, CreateTipOutcome, IdempotencyRecord, TipPage, TipQuery, TipStore } from '../ports.js';
import { copy } from './copy.js';

const clusterView = (t: Tip): ClusterTip => ({
  id: t.id,
  lat: t.lat!,
  lon: t.lon!,
  receivedAt: t.receivedAt,
  category: t.category,
  admin: t.geocode.admin,
  urgent: t.urgent,
  status: t.status,
  ...(t.reporterKey ? { reporterKey: t.reporterKey } : {}),
});

/** Tips per page of `clusterableSince`, about what a megabyte Query page of the DynamoDB adapter holds. */
const WINDOW_PAGE = 3000;

/** {@link TipStore} in memory, for use-case tests: same semantics as the DynamoDB adapter. */
export class MemoryTipStore implements TipStore {
  readonly tips = new Map<string, Tip>();
  readonly idempotency = new Map<string, IdempotencyRecord & { expiresAtMs: number }>();

  constructor(private readonly clock: Clock) {}

  async create(tip: Tip, idem?: IdempotencyRecord): Promise<CreateTipOutcome> {
    const seen = idem && (await this.getIdempotency(idem.key));
    if (seen) return { kind: 'replay', record: seen };
    if (this.tips.has(tip.id)) throw new Error(`tip ${tip.id} exists`);
    this.tips.set(tip.id, copy(tip));
    if (idem) this.idempotency.set(idem.key, { ...idem, expiresAtMs: Date.parse(this.clock.now()) + 86_400_000 });
    return { kind: 'created' };
  }

  private async getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const r = this.idempotency.get(key);
    if (!r || r.expiresAtMs < Date.parse(this.clock.now())) return undefined;
    const { expiresAtMs: _e, ...record } = r;
    return record;
  }

  async get(id: string): Promise<Tip | undefined> {
    const t = this.tips.get(id);
    return t && copy(t);
  }

  async setStatus(id: string, change: TipStatusChange): Promise<Tip | undefined> {
    const t = this.tips.get(id);
    if (!t) return undefined;
    t.status = change.status;
    t.reviewedAt = change.at;
    t.statusHistory = [...(t.statusHistory ?? []), change];
    return copy(t);
  }

  async list(q: TipQuery): Promise<TipPage> {
    let start = 0;
    const sorted = [...this.tips.values()].sort((a, b) =>
      a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : a.id < b.id ? 1 : -1,
    );
    if (q.after) {
      start = sorted.findIndex((t) => t.id === q.after) + 1;
      if (start === 0) throw new InvalidCursorError();
    }
    const match = (t: Tip) =>
      (!q.since || t.receivedAt >= q.since) &&
      (!q.until || t.receivedAt <= q.until) &&
      (!q.status || t.status === q.status) &&
      (!q.category || t.category === q.category) &&
      (!q.channel || t.channel === q.channel) &&
      (!q.reference || t.reference === q.reference) &&
      (!q.bbox ||
        (t.lat !== undefined &&
          t.lon !== undefined &&
          t.lon >= q.bbox[0] &&
          t.lat >= q.bbox[1] &&
          t.lon <= q.bbox[2] &&
          t.lat <= q.bbox[3]));
    const window = sorted.slice(start, start + q.limit);
    const next = start + q.limit < sorted.length ? window[window.length - 1]?.id : undefined;
    return { items: window.filter(match).map((t) => copy(t)), ...(next ? { next } : {}) };
  }

  private clusterable(since: string): Tip[] {
    return [...this.tips.values()].filter(
      (t) => t.lat !== undefined && t.lon !== undefined && t.receivedAt >= since && t.status !== 'dismissed',
    );
  }

  async *clusterableSince(since: string): AsyncIterable<ClusterTip[]> {
    const all = this.clusterable(since);
    for (let i = 0; i < all.length; i += WINDOW_PAGE) yield all.slice(i, i + WINDOW_PAGE).map(clusterView);
  }

  async inCells(cells: string[], since: string): Promise<ClusterTip[]> {
    const wanted = new Set(cells);
    return this.clusterable(since)
      .filter((t) => wanted.has(tipCell(t.lat!, t.lon!)))
      .map(clusterView);
  }
}
