/**
 * The public view (`/`): the map of public risk areas with a legend and a popup, the list of
 * areas, the tip form, the SMS opt-out (`/#stop`) and the safety note with the hotlines.
 * On a phone the sections stack under the map and a bar at the thumb jumps between them.
 */
import type { PublicHotspotCollection, PublicHotspotFeature } from '../../../shared/api/wire.js';
import { RISK_LEVELS } from '../../../shared/types.js';
import { endpoints } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { live, liveAttr, onLanguageChange, t, type MessageKey } from '../i18n/i18n.js';
import { formatAge, formatDate } from '../format.js';
import { runtimeConfig } from '../runtime-config.js';
import { createHotspotList } from './hotspot-list.js';
import { followHotspotLink } from './hotspot-link.js';
import { createOptOut } from './opt-out.js';
import type { PublicMap } from './public-map.js';
import { createTipForm } from './tip-form.js';
import { createMapPoster, type MapPoster } from '../map/map-poster.js';
import { basemapUrl, START } from '../map/map-style.js';

/** Hotspots change with the published snapshot (hourly by default); 5 minutes keeps the page fresh. */
const REFRESH_MS = 5 * 60_000;

function legend(): HTMLElement {
  return h(
    'div',
    { class: 'legend' },
    h('p', { class: 'legend-title' }, live('legend.title')),
    h(
      'ul',
      {},
      ...[...RISK_LEVELS]
        .reverse()
        .map((level) =>
          h(
            'li',
            {},
            h('span', { class: `swatch risk-${level}`, 'aria-hidden': 'true' }),
            live(`risk.${level}` as MessageKey),
          ),
        ),
    ),
  );
}

function layout() {
  const mapEl = h('div', { class: 'map', id: 'map' });
  const posterEl = h('div', { class: 'map-poster', 'aria-hidden': 'true' });
  const status = h('p', { class: 'muted', id: 'hotspots-status', 'aria-live': 'polite' }, live('common.loading'));
  const notice = h('div', { class: 'link-notice', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'hotspot-list', id: 'hotspot-list' });
  const tipForm = h('form', { id: 'tip-form' });
  const stop = h('section', { class: 'panel', id: 'stop', 'aria-labelledby': 'stop-heading' });
  const mapStatus = h('p', { class: 'map-status', role: 'status' });
  const section = (id: string, heading: MessageKey, ...children: HTMLElement[]) =>
    h(
      'section',
      { class: 'panel', id, 'aria-labelledby': `${id}-heading` },
      h('h2', { id: `${id}-heading` }, live(heading)),
      ...children,
    );
  const side = h(
    'div',
    { class: 'side' },
    h(
      'aside',
      { class: 'safety', 'aria-labelledby': 'safety-heading' },
      h('h2', { id: 'safety-heading' }, live('safety.heading')),
      h('p', {}, live('safety.text')),
      h(
        'p',
        { class: 'hotlines' },
        h('a', { href: 'tel:1300', class: 'hotline' }, live('safety.call1300')),
        h('a', { href: 'tel:191', class: 'hotline' }, live('safety.call191')),
      ),
    ),
    section('areas', 'hotspots.heading', status, list),
    section('report', 'tip.heading', tipForm),
    stop,
  );
  const jump = (id: string, key: MessageKey) => h('a', { href: `#${id}`, class: 'jump' }, live(key));
  const bar = liveAttr(
    h(
      'nav',
      { class: 'thumb-bar' },
      jump('areas', 'jump.areas'),
      jump('report', 'jump.report'),
      jump('stop', 'jump.stop'),
    ),
    'aria-label',
    'jump.label',
  );
  const mapPane = liveAttr(
    h('section', { class: 'map-pane' }, mapEl, posterEl, legend(), notice, mapStatus),
    'aria-label',
    'map.regionPublic',
  );
  return { mapEl, posterEl, mapPane, status, notice, list, tipForm, stop, side, bar, mapStatus };
}

/** The map, or null on a device without WebGL (the list and the forms still work). */
async function mapOrNull(
  el: HTMLElement,
  status: HTMLElement,
  find: (id: string) => PublicHotspotFeature | undefined,
  pick: (f: PublicHotspotFeature) => void,
): Promise<PublicMap | null> {
  const [{ createPublicMap }, config] = await Promise.all([import('./public-map.js'), runtimeConfig()]);
  try {
    return createPublicMap(el, config.basemapStyleUrl, find, pick);
  } catch (err) {
    replaceChildren(status, live('map.stillOnly'));
    console.warn('map unavailable', err);
    return null;
  }
}

/**
 * The still poster of the first view, until MapLibre has drawn (`map-poster.ts`): on a slow
 * phone the hotspots are on screen seconds sooner, and a device without WebGL keeps it.
 */
function startPoster(el: HTMLElement): MapPoster {
  const poster = createMapPoster(el, START);
  void fetch(basemapUrl('basemap/provinces.geojson'))
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`provinces: HTTP ${r.status}`))))
    .then((fc) => poster.setProvinces(fc))
    // Without the provinces the poster still places the hotspots; the map draws them anyway.
    .catch((err) => console.warn('poster without provinces', err));
  return poster;
}

/** How many areas and how old the data is, in `status`; live, so the age follows the language. */
function showStatus(status: HTMLElement, fc: PublicHotspotCollection): void {
  const n = fc.features.length;
  const when = fc.publishedAt;
  replaceChildren(
    status,
    live(() =>
      [
        t('hotspots.count', { count: n }),
        when ? t('hotspots.dataOf', { date: formatDate(when), age: formatAge(when) }) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  );
}

/** Mounts the view in `root`. */
export async function mountPublicView(root: HTMLElement): Promise<void> {
  // The snapshot is asked for first: the list needs nothing else, the map has a megabyte to fetch.
  let request = endpoints.hotspots();
  const ui = layout();
  root.className = 'public-view';
  replaceChildren(root, ui.mapPane, ui.side, ui.bar);
  const poster = startPoster(ui.posterEl);
  createTipForm(ui.tipForm as HTMLFormElement);
  createOptOut(ui.stop);
  let snapshot: PublicHotspotCollection | undefined;
  let selected: string | undefined;
  let map: PublicMap | null = null;
  const find = (id: string) => snapshot?.features.find((f) => f.properties.id === id);
  const mark = (f: PublicHotspotFeature) => {
    selected = f.properties.id;
    list.show(snapshot?.features ?? [], selected);
  };
  const focus = (f: PublicHotspotFeature) => {
    mark(f);
    map?.focus(f);
  };
  const list = createHotspotList(ui.list, focus);
  const load = async () => {
    try {
      snapshot = await request;
    } catch {
      if (!snapshot) replaceChildren(ui.status, live('hotspots.failed'));
      return;
    }
    list.show(snapshot.features, selected);
    poster.draw(snapshot);
    showStatus(ui.status, snapshot);
    map?.setHotspots(snapshot);
  };
  const mapping = mapOrNull(ui.mapEl, ui.mapStatus, find, mark).then((m) => {
    map = m;
    // The map's first idle: its style, the provinces and the hotspots known so far are drawn.
    m?.base.map.once('idle', () => poster.remove());
    if (snapshot) m?.setHotspots(snapshot);
    const f = selected ? find(selected) : undefined;
    if (f) m?.focus(f);
  });
  await load();
  onLanguageChange(() => list.show(snapshot?.features ?? [], selected));
  followHotspotLink({ snapshot: () => snapshot, focus, notice: ui.notice });
  setInterval(() => {
    if (document.visibilityState !== 'visible') return;
    request = endpoints.hotspots();
    void load();
  }, REFRESH_MS);
  await mapping;
}
