/**
 * The coordinator panel: a bearer token kept for the session, then recent tips with their
 * review status, the SMS log, volunteers (test SMS, edit and delivery log, opt-out), and
 * volunteer registration. Each list loads on its own so that one failing route does not
 * blank the others.
 */
import type { Alert, LatLon, Volunteer } from '../../../shared/types.js';
import { api } from '../api.js';
import { field, h, replaceChildren } from '../dom.js';
import { alertOutcome } from '../format.js';
import { createAlertsSection } from './alerts-section.js';
import { volunteersTable } from './coordinator-lists.js';
import { createTipsSection, failure, type Page } from './tips-section.js';
import { loadToken, saveToken } from './token-store.js';
import { createVolunteerDetail } from './volunteer-detail.js';
import { createVolunteerForm } from './volunteer-form.js';

export interface CoordinatorPanel {
  setPick(point: LatLon): void;
}

/** Builds the panel inside `root`. */
export function createCoordinatorPanel(root: HTMLElement): CoordinatorPanel {
  let token = loadToken();
  let known = new Map<string, Volunteer>();
  const tokenInput = h('input', { name: 'token', type: 'password', autocomplete: 'off', value: token });
  const tips = createTipsSection();
  const alerts = createAlertsSection();
  const volunteers = h('section', { class: 'coord-section', 'aria-label': 'Volunteers' });
  const detail = createVolunteerDetail(
    () => token,
    () => void loadVolunteers(),
  );

  const loadAlerts = async () => {
    try {
      alerts.show((await api<Page<Alert>>('/api/alerts', { token })).items, known);
    } catch (err) {
      alerts.showError(failure('SMS log', err));
    }
  };
  const loadVolunteers = async () => {
    try {
      const items = (await api<Page<Volunteer>>('/api/volunteers', { token })).items;
      known = new Map(items.map((x) => [x.id, x] as const));
      replaceChildren(volunteers, volunteersTable(items, { testAlert, open: (v) => void detail.open(v.id), optOut }));
    } catch (err) {
      replaceChildren(volunteers, failure('Volunteers', err));
    }
  };
  const load = async () => {
    if (!token) return;
    // Volunteers first: the SMS log names them.
    await Promise.allSettled([tips.load(token), loadVolunteers()]);
    await loadAlerts();
  };
  const testAlert = async (v: Volunteer): Promise<string> => {
    const alert = await api<Alert>(`/api/volunteers/${encodeURIComponent(v.id)}/test-alert`, {
      method: 'POST',
      body: {},
      token,
    });
    void loadAlerts();
    if (detail.shownId() === v.id) void detail.open(v.id);
    return alertOutcome(alert);
  };
  const optOut = async (v: Volunteer) => {
    if (!confirm(`Stop all SMS to ${v.name}? · หยุดส่ง SMS ถึง ${v.name}?`)) return;
    try {
      await api(`/api/volunteers/${encodeURIComponent(v.id)}/opt-out`, { method: 'POST', body: {}, token });
    } catch (err) {
      return replaceChildren(volunteers, failure('Opt-out', err));
    }
    await loadVolunteers();
    if (detail.shownId() === v.id) void detail.open(v.id);
  };
  const signOut = () => {
    token = tokenInput.value = '';
    saveToken('');
    known = new Map();
    tips.clear();
    alerts.clear();
    detail.clear();
    replaceChildren(volunteers);
  };
  const form = createVolunteerForm(
    () => token,
    () => void loadVolunteers(),
  );
  const tokenForm = h(
    'form',
    { class: 'token-form', novalidate: true },
    field('Coordinator token · โทเคนผู้ประสานงาน', tokenInput, 'Kept only for this browser tab. · เก็บไว้เฉพาะแท็บนี้'),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit' }, 'Open · เปิด'),
      h('button', { type: 'button', class: 'secondary', onclick: () => void load() }, 'Refresh · รีเฟรช'),
      h('button', { type: 'button', class: 'secondary', onclick: signOut }, 'Sign out · ออก'),
    ),
  );
  tokenForm.addEventListener('submit', (e) => {
    e.preventDefault();
    token = tokenInput.value.trim();
    saveToken(token);
    void load();
  });
  replaceChildren(root, tokenForm, tips.element, alerts.element, volunteers, detail.element, form.element);
  if (token) void load();
  return { setPick: form.setPick };
}
