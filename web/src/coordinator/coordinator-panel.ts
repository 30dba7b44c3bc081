/**
 * The coordinator panel: a bearer token kept for the session, then recent tips, the SMS log,
 * volunteers with opt-out, and volunteer registration. Each list loads on its own so that one
 * failing route does not blank the others.
 */
import { TIP_STATUSES, type Alert, type LatLon, type Tip, type Volunteer } from '../../../shared/types.js';
import { ApiError, api, qs } from '../api.js';
import { field, h, replaceChildren } from '../dom.js';
import { alertsTable, tipsTable, volunteersTable } from './coordinator-lists.js';
import { loadToken, saveToken } from './token-store.js';
import { createVolunteerForm } from './volunteer-form.js';

interface Page<T> {
  items: T[];
  next?: string;
}

export interface CoordinatorPanel {
  setPick(point: LatLon): void;
}

function failure(what: string, err: unknown): HTMLElement {
  const msg = err instanceof ApiError && err.status === 401 ? 'the token was not accepted · โทเคนไม่ถูกต้อง' : (err as Error).message;
  return h('p', { class: 'error' }, `${what}: ${msg}`);
}

/** Builds the panel inside `root`. */
export function createCoordinatorPanel(root: HTMLElement): CoordinatorPanel {
  let token = loadToken();
  const tokenInput = h('input', { name: 'token', type: 'password', autocomplete: 'off', value: token });
  const tips = h('section', { class: 'coord-section', 'aria-label': 'Recent tips' });
  const alerts = h('section', { class: 'coord-section', 'aria-label': 'SMS log' });
  const volunteers = h('section', { class: 'coord-section', 'aria-label': 'Volunteers' });

  let tipItems: Tip[] = [];
  const statusFilter = h('select', { name: 'tipStatus', onchange: () => void load() },
    h('option', { value: '' }, 'all · ทั้งหมด'), ...TIP_STATUSES.map((s) => h('option', { value: s }, s)));
  const showTips = (next?: string) => {
    const more = next
      ? h('button', { type: 'button', class: 'secondary', onclick: () => void moreTips(next) }, 'More tips · เพิ่มเติม')
      : null;
    replaceChildren(tips, tipsTable(tipItems), more);
  };
  const moreTips = async (next: string) => {
    try {
      const page = await api<Page<Tip>>(`/api/tips${qs({ status: statusFilter.value, next })}`, { token });
      tipItems = [...tipItems, ...page.items];
      showTips(page.next);
    } catch (err) {
      replaceChildren(tips, failure('Tips', err));
    }
  };
  const load = async () => {
    if (!token) return replaceChildren(tips, h('p', { class: 'muted' }, 'Enter the coordinator token. · กรอกโทเคน'));
    const opts = { token };
    const [t, a, v] = await Promise.allSettled([
      api<Page<Tip>>(`/api/tips${qs({ status: statusFilter.value })}`, opts),
      api<Page<Alert>>('/api/alerts', opts),
      api<Page<Volunteer>>('/api/volunteers', opts),
    ]);
    const byId = new Map(v.status === 'fulfilled' ? v.value.items.map((x) => [x.id, x] as const) : []);
    if (t.status === 'fulfilled') {
      tipItems = t.value.items;
      showTips(t.value.next);
    } else replaceChildren(tips, failure('Tips', t.reason));
    replaceChildren(alerts, a.status === 'fulfilled' ? alertsTable(a.value.items, byId) : failure('SMS log', a.reason));
    replaceChildren(volunteers, v.status === 'fulfilled' ? volunteersTable(v.value.items, optOut) : failure('Volunteers', v.reason));
  };
  const optOut = async (v: Volunteer) => {
    if (!confirm(`Stop all SMS to ${v.name}? · หยุดส่ง SMS ถึง ${v.name}?`)) return;
    try {
      await api(`/api/volunteers/${encodeURIComponent(v.id)}/opt-out`, { method: 'POST', body: {}, token });
    } catch (err) {
      replaceChildren(volunteers, failure('Opt-out', err));
      return;
    }
    await load();
  };
  const form = createVolunteerForm(() => token, () => void load());
  const tokenForm = h('form', { class: 'token-form', novalidate: true },
    field('Coordinator token · โทเคนผู้ประสานงาน', tokenInput, 'Kept only for this browser tab. · เก็บไว้เฉพาะแท็บนี้'),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Open · เปิด'),
      h('button', { type: 'button', class: 'secondary', onclick: () => {
        token = '';
        tokenInput.value = '';
        saveToken('');
        replaceChildren(tips);
        replaceChildren(alerts);
        replaceChildren(volunteers);
      } }, 'Sign out · ออก')));
  tokenForm.addEventListener('submit', (e) => {
    e.preventDefault();
    token = tokenInput.value.trim();
    saveToken(token);
    void load();
  });
  replaceChildren(root, tokenForm,
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', onclick: () => void load() }, 'Refresh · รีเฟรช'),
      field('Tip status · สถานะเบาะแส', statusFilter)),
    tips, alerts, volunteers, form.element);
  if (token) void load();
  return { setPick: form.setPick };
}
