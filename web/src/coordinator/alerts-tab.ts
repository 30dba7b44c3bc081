/**
 * The SMS log: every alert sent or attempted, with delivery in words, filtered by date,
 * reason and status. The filters go to the API (`since`, `until`, `reason`, `status`) and are
 * applied here as well, so the log reads the same whatever the server supports.
 */
import type { AlertView } from '../../../shared/api/wire.js';
import { ALERT_REASONS, ALERT_STATUSES, type AlertReason, type AlertStatus } from '../../../shared/types.js';
import { endpoints } from '../api.js';
import { field, h, replaceChildren } from '../dom.js';
import { live, t, type MessageKey } from '../i18n/i18n.js';
import { formatDateTime, riskLabel } from '../format.js';
import { alertOutcome } from './alert-words.js';

export interface AlertsTab {
  panel: HTMLElement;
  load(): Promise<void>;
}

/** A `<input type=date>` value as the start of that Bangkok day (or the end, for `until`). */
export function bangkokDay(value: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return new Date(`${value}T${end ? '23:59:59.999' : '00:00:00.000'}+07:00`).toISOString();
}

type AlertQuery = { since?: string; until?: string; reason?: AlertReason; status?: AlertStatus };

/** One alert as a card: who, when, why, its delivery in words and the SMS as sent. */
function alertCard(a: AlertView, names: Map<string, string>): HTMLElement {
  return h(
    'li',
    { class: 'card alert-card', 'data-status': a.status, 'data-reason': a.reason },
    h('h3', {}, names.get(a.volunteerId) ?? a.volunteerId),
    h(
      'p',
      {},
      live(
        () =>
          `${formatDateTime(a.createdAt)} · ${t(`alertReason.${a.reason}` as MessageKey)} · ${riskLabel(a.riskLevel)}`,
      ),
    ),
    h(
      'p',
      { class: 'alert-outcome' },
      live(() => alertOutcome(a)),
    ),
    h('p', { class: 'sms-message' }, a.message),
  );
}

/**
 * The alerts the query asks for, page after page (at most about 5,000), filtered here as well
 * so the log reads the same whatever the server supports.
 */
async function loadAlerts(q: AlertQuery): Promise<AlertView[]> {
  const items: AlertView[] = [];
  let next: string | undefined;
  do {
    const page = await endpoints.alerts({ ...q, next });
    items.push(...page.items);
    next = page.next;
  } while (next && items.length < 5000);
  return items.filter(
    (a) =>
      (!q.since || a.createdAt >= q.since) &&
      (!q.until || a.createdAt <= q.until) &&
      (!q.reason || a.reason === q.reason) &&
      (!q.status || a.status === q.status),
  );
}

/** Builds the tab; `names` gives volunteer names by id. */
export function createAlertsTab(names: () => Map<string, string>): AlertsTab {
  const since = h('input', { name: 'since', type: 'date' });
  const until = h('input', { name: 'until', type: 'date' });
  const reason = h(
    'select',
    { name: 'reason' },
    h('option', { value: '' }, live('common.all')),
    ...ALERT_REASONS.map((r) => h('option', { value: r }, live(`alertReason.${r}` as MessageKey))),
  );
  const status = h(
    'select',
    { name: 'alertStatus' },
    h('option', { value: '' }, live('common.all')),
    ...ALERT_STATUSES.map((s) => h('option', { value: s }, live(`alertStatus.${s}` as MessageKey))),
  );
  const list = h('ul', { class: 'cards alert-cards' });
  const state = h('p', { class: 'muted', role: 'status' });
  const load = async () => {
    replaceChildren(state, live('common.loading'));
    let items: AlertView[];
    try {
      items = await loadAlerts({
        since: bangkokDay(since.value, false),
        until: bangkokDay(until.value, true),
        reason: (reason.value || undefined) as AlertReason | undefined,
        status: (status.value || undefined) as AlertStatus | undefined,
      });
    } catch {
      return replaceChildren(state, h('span', { class: 'error' }, live('coord.loadFailed')));
    }
    replaceChildren(
      state,
      live(() => t('coord.alertCount', { count: items.length })),
    );
    const byId = names();
    replaceChildren(list, ...items.map((a) => alertCard(a, byId)));
  };
  const form = h(
    'form',
    { class: 'alert-filters row', novalidate: true },
    field(live('coord.fromDate'), since),
    field(live('coord.until'), until),
    field(live('coord.reason'), reason),
    field(live('coord.alertStatus'), status),
  );
  form.addEventListener('change', () => void load());
  form.addEventListener('submit', (e) => e.preventDefault());
  return { panel: h('div', { class: 'alerts-tab' }, h('h2', {}, live('coord.tabAlerts')), form, state, list), load };
}
