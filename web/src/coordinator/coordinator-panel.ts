/**
 * The coordinator panel: a bearer token kept for the session, then recent tips, the SMS log,
 * volunteers with opt-out, and volunteer registration. Each list loads on its own so that one
 * failing route does not blank the others.
 */
import type { Alert, LatLon, Volunteer } from '../../../shared/types.js';
import { api } from '../api.js';
import { field, h, replaceChildren } from '../dom.js';
import { createAlertsSection } from './alerts-section.js';
import { volunteersTable } from './coordinator-lists.js';
import { createTipsSection, failure, type Page } from './tips-section.js';
import { loadToken, saveToken } from './token-store.js';
import { createVolunteerForm } from './volunteer-form.js';

export interface CoordinatorPanel {
  setPick(point: LatLon): void;
}

/** Builds the panel inside `root`. */
export function createCoordinatorPanel(root: HTMLElement): CoordinatorPanel {
  let token = loadToken();
  const tokenInput = h('input', { name: 'token', type: 'password', autocomplete: 'off', value: token });
  const tips = createTipsSection();
  const alerts = createAlertsSection();
  const volunteers = h('section', { class: 'coord-section', 'aria-label': 'Volunteers' });

  const load = async () => {
    if (!token) return;
    const [, a, v] = await Promise.allSettled([
      tips.load(token),
      api<Page<Alert>>('/api/alerts', { token }),
      api<Page<Volunteer>>('/api/volunteers', { token }),
    ]);
    const byId = new Map(v.status === 'fulfilled' ? v.value.items.map((x) => [x.id, x] as const) : []);
    if (a.status === 'fulfilled') alerts.show(a.value.items, byId);
    else alerts.showError(failure('SMS log', a.reason));
    replaceChildren(volunteers, v.status === 'fulfilled' ? volunteersTable(v.value.items, optOut) : failure('Volunteers', v.reason));
  };
  const optOut = async (v: Volunteer) => {
    if (!confirm(`Stop all SMS to ${v.name}? · หยุดส่ง SMS ถึง ${v.name}?`)) return;
    try {
      await api(`/api/volunteers/${encodeURIComponent(v.id)}/opt-out`, { method: 'POST', body: {}, token });
    } catch (err) {
      return replaceChildren(volunteers, failure('Opt-out', err));
    }
    await load();
  };
  const signOut = () => {
    token = tokenInput.value = '';
    saveToken('');
    tips.clear();
    alerts.clear();
    replaceChildren(volunteers);
  };
  const form = createVolunteerForm(() => token, () => void load());
  const tokenForm = h('form', { class: 'token-form', novalidate: true },
    field('Coordinator token · โทเคนผู้ประสานงาน', tokenInput, 'Kept only for this browser tab. · เก็บไว้เฉพาะแท็บนี้'),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Open · เปิด'),
      h('button', { type: 'button', class: 'secondary', onclick: () => void load() }, 'Refresh · รีเฟรช'),
      h('button', { type: 'button', class: 'secondary', onclick: signOut }, 'Sign out · ออก')));
  tokenForm.addEventListener('submit', (e) => {
    e.preventDefault();
    token = tokenInput.value.trim();
    saveToken(token);
    void load();
  });
  replaceChildren(root, tokenForm, tips.element, alerts.element, volunteers, form.element);
  if (token) void load();
  return { setPick: form.setPick };
}
