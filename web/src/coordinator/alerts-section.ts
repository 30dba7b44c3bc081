/**
 * The SMS log, filterable by volunteer: "did my alert reach them?" is the question coordinators
 * ask most (alerts that silently never arrive are the most reported failure).
 */
import type { Alert, Volunteer } from '../../../shared/types.js';
import { field, h, replaceChildren } from '../dom.js';
import { alertsTable } from './coordinator-lists.js';

export interface AlertsSection {
  element: HTMLElement;
  show(alerts: Alert[], volunteers: Map<string, Volunteer>): void;
  showError(error: HTMLElement): void;
  clear(): void;
}

/** Builds the section; the filter is client-side over the loaded log. */
export function createAlertsSection(): AlertsSection {
  let alerts: Alert[] = [];
  let volunteers = new Map<string, Volunteer>();
  const list = h('div', {});
  const who = h('select', { name: 'alertVolunteer', onchange: () => render() });
  const render = () => {
    const rows = who.value ? alerts.filter((a) => a.volunteerId === who.value) : alerts;
    replaceChildren(list, alertsTable(rows, volunteers));
  };
  const fillChoices = () => {
    const current = who.value;
    const ids = [...new Set(alerts.map((a) => a.volunteerId))];
    const name = (id: string) => volunteers.get(id)?.name ?? id;
    replaceChildren(
      who,
      h('option', { value: '' }, 'everyone · ทุกคน'),
      ...ids.sort((a, b) => name(a).localeCompare(name(b), 'th')).map((id) => h('option', { value: id }, name(id))),
    );
    who.value = ids.includes(current) ? current : '';
  };
  const element = h(
    'section',
    { class: 'coord-section', 'aria-label': 'SMS log' },
    field('SMS log for · บันทึก SMS ของ', who),
    list,
  );
  return {
    element,
    show(a, v) {
      alerts = a;
      volunteers = v;
      fillChoices();
      render();
    },
    showError: (error) => replaceChildren(list, error),
    clear: () => replaceChildren(list),
  };
}
