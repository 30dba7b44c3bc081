/**
 * The volunteer registry: cards with each volunteer's SMS language, radius and status, and
 * their actions (test SMS with its outcome, edit, stop SMS); their home points and alert
 * radii on the map; registration with the home point set by a tap on the map.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { AlertView, VolunteerProfile } from '../../../shared/api/wire.js';
import type { LatLon } from '../../../shared/types.js';
import { endpoints } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { live, t } from '../i18n/i18n.js';
import type { BaseMap } from '../map/base-map.js';
import { alertOutcome } from './alert-words.js';
import { circlePolygon } from './circle-polygon.js';
import { createVolunteerForm, type VolunteerForm } from './volunteer-form.js';

export interface VolunteersTab {
  panel: HTMLElement;
  load(): Promise<void>;
  setVisible(on: boolean): void;
  /** A tap on the map while the form is open sets the home point. */
  pick(p: LatLon): boolean;
  /** Volunteer names by id, for the SMS log. */
  names(): Map<string, string>;
}

export function toFeatures(list: VolunteerProfile[]): { homes: FeatureCollection; radii: FeatureCollection } {
  const homes: Feature[] = [];
  const radii: Feature[] = [];
  for (const v of list) {
    const props = { id: v.id, active: v.status === 'active' };
    homes.push({
      type: 'Feature',
      properties: props,
      geometry: { type: 'Point', coordinates: [v.location.lon, v.location.lat] },
    });
    radii.push({ type: 'Feature', properties: props, geometry: circlePolygon(v.location, v.radiusKm) });
  }
  return {
    homes: { type: 'FeatureCollection', features: homes },
    radii: { type: 'FeatureCollection', features: radii },
  };
}

/** The test SMS button: sends one and says in `outcome` how its delivery went. */
function testSmsButton(v: VolunteerProfile, outcome: HTMLElement): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'secondary small test-alert' }, live('coord.testSms'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    replaceChildren(outcome, live('common.sending'));
    try {
      const a: AlertView = await endpoints.testAlert(v.id);
      replaceChildren(
        outcome,
        live(() => alertOutcome(a)),
      );
    } catch {
      replaceChildren(outcome, live('common.error'));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** The second, confirming step of "stop SMS" (hidden until the first is pressed); the registry reloads after. */
function confirmStopButton(v: VolunteerProfile, outcome: HTMLElement, reload: () => Promise<void>): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'danger small confirm-opt-out', hidden: true },
    live('coord.confirmStop'),
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await endpoints.optOutVolunteer(v.id);
      await reload();
    } catch {
      replaceChildren(outcome, live('common.error'));
      button.disabled = false;
    }
  });
  return button;
}

/** One volunteer's card: facts, then test SMS (with its outcome), edit and stop SMS (confirmed). */
function volunteerCard(v: VolunteerProfile, on: { edit(): void; reload(): Promise<void> }): HTMLElement {
  const outcome = h('span', { class: 'test-alert-result', role: 'status', 'aria-live': 'polite' });
  const confirmStop = confirmStopButton(v, outcome, on.reload);
  const testButton = testSmsButton(v, outcome);
  return h(
    'li',
    { class: 'card volunteer-card', 'data-volunteer-id': v.id },
    h('h3', {}, v.name),
    h(
      'p',
      {},
      v.phone,
      ' · ',
      live(() => t('coord.volSummary', { km: v.radiusKm, lang: v.language.toUpperCase() })),
    ),
    h(
      'p',
      { class: v.status === 'active' ? '' : 'muted' },
      live(v.status === 'active' ? 'coord.volActive' : 'coord.volOptedOut'),
      v.quietHours
        ? live(() => ` · ${t('coord.quietHours', { start: v.quietHours?.start ?? '', end: v.quietHours?.end ?? '' })}`)
        : '',
    ),
    h(
      'div',
      { class: 'actions' },
      testButton,
      h('button', { type: 'button', class: 'secondary small edit-volunteer', onclick: on.edit }, live('coord.edit')),
      v.status === 'active'
        ? h(
            'button',
            { type: 'button', class: 'danger small opt-out', onclick: () => (confirmStop.hidden = false) },
            live('coord.stopSms'),
          )
        : null,
      confirmStop,
      outcome,
    ),
  );
}

/** The sources and layers of the home points and alert radii, with their first data. */
function addVolunteerLayers(
  map: MapLibreMap,
  data: { homes: FeatureCollection; radii: FeatureCollection },
  visibility: 'visible' | 'none',
): void {
  const { homes, radii } = data;
  map.addSource('volunteer-radii', { type: 'geojson', data: radii });
  map.addSource('volunteer-homes', { type: 'geojson', data: homes });
  map.addLayer({
    id: 'volunteer-radius-fill',
    type: 'fill',
    source: 'volunteer-radii',
    layout: { visibility },
    paint: { 'fill-color': '#1d6b34', 'fill-opacity': 0.07, 'fill-antialias': false },
  });
  map.addLayer({
    id: 'volunteer-radius-line',
    type: 'line',
    source: 'volunteer-radii',
    layout: { visibility },
    paint: { 'line-color': '#1d6b34', 'line-width': 1.2, 'line-dasharray': [3, 2] },
  });
  map.addLayer({
    id: 'volunteer-home',
    type: 'circle',
    source: 'volunteer-homes',
    layout: { visibility },
    paint: {
      'circle-radius': 6,
      'circle-color': ['case', ['get', 'active'], '#1d6b34', '#8a8a8a'],
      'circle-stroke-color': '#fff',
      'circle-stroke-width': 2,
    },
  });
}

const VOLUNTEER_LAYERS = ['volunteer-radius-fill', 'volunteer-radius-line', 'volunteer-home'];

/**
 * Draws the volunteers; the sources and layers are added with the first data, not empty at
 * start: every source is a round trip to MapLibre's worker and a redraw of the first frame.
 */
function drawVolunteers(map: MapLibreMap, volunteers: VolunteerProfile[], shown: boolean): void {
  const { homes, radii } = toFeatures(volunteers);
  if (map.getSource('volunteer-homes')) {
    void (map.getSource('volunteer-homes') as GeoJSONSource).setData(homes);
    void (map.getSource('volunteer-radii') as GeoJSONSource).setData(radii);
    return;
  }
  addVolunteerLayers(map, { homes, radii }, shown ? 'visible' : 'none');
}

/** Where the register or edit form opens (one at a time); `pick` sets its home point from a tap. */
function formSlot(saved: () => void): {
  slot: HTMLElement;
  open(existing: VolunteerProfile | null): void;
  pick(p: LatLon): boolean;
} {
  const slot = h('div', { class: 'volunteer-form-slot' });
  let form: VolunteerForm | null = null;
  return {
    slot,
    open(existing) {
      form = createVolunteerForm(existing, saved, () => {
        form = null;
        replaceChildren(slot);
      });
      replaceChildren(slot, form.element);
      form.element.querySelector<HTMLInputElement>('input[name=name]')?.focus();
    },
    pick(p) {
      if (!form) return false;
      form.setPoint(p);
      return true;
    },
  };
}

/** Builds the tab. */
export function createVolunteersTab(pending: Promise<BaseMap | null>): VolunteersTab {
  let base: BaseMap | null = null;
  let volunteers: VolunteerProfile[] = [];
  const list = h('ul', { class: 'cards volunteer-cards' });
  const status = h('p', { class: 'muted', role: 'status' });
  const forms = formSlot(() => void load());
  const card = (v: VolunteerProfile) => volunteerCard(v, { edit: () => forms.open(v), reload: load });
  let ready = false;
  let loaded = false;
  let shown = false;
  const draw = () => {
    if (base && ready && loaded) drawVolunteers(base.map, volunteers, shown);
  };
  const load = async () => {
    replaceChildren(status, live('common.loading'));
    try {
      volunteers = (await endpoints.volunteers()).items;
      loaded = true;
    } catch {
      return replaceChildren(status, h('span', { class: 'error' }, live('coord.loadFailed')));
    }
    replaceChildren(
      status,
      live(() => t('coord.volCount', { count: volunteers.length })),
    );
    replaceChildren(list, ...volunteers.map(card));
    draw();
  };
  void pending.then((b) => {
    base = b;
    if (!b) return;
    void b.ready.then(() => {
      ready = true;
      draw();
    });
  });
  const register = h(
    'button',
    { type: 'button', class: 'register-volunteer', onclick: () => forms.open(null) },
    live('coord.registerVolunteer'),
  );
  return {
    panel: h(
      'div',
      { class: 'volunteers-tab' },
      h('div', { class: 'row' }, h('h2', {}, live('coord.tabVolunteers')), register),
      forms.slot,
      status,
      list,
    ),
    load,
    setVisible(on) {
      shown = on;
      if (!base?.map.getLayer('volunteer-home')) return;
      for (const id of VOLUNTEER_LAYERS) base.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    },
    pick: forms.pick,
    names: () => new Map(volunteers.map((v) => [v.id, v.name])),
  };
}
