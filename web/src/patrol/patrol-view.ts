/**
 * The patrol view (`/patrol`, or any page with `#z=<lat>,<lon>`): "am I in a risk zone?" by
 * GPS, by a tap on the map, by coordinates ("6.42, 101.82") or a place name in one box. The
 * answer sits at the top. Offline, the check is worked out from the last public snapshot the
 * service worker kept, and says how old it is.
 */
import type { PublicHotspotCollection, ZoneCheckBody } from '../../../shared/api/wire.js';
import { parseLatLon } from '../../../shared/geocoder/parse-lat-lon.js';
import { parseDeepLink } from '../../../shared/links.js';
import type { LatLon } from '../../../shared/types.js';
import { endpoints } from '../api.js';
import { ApiError } from '../http-client.js';
import { field, h } from '../dom.js';
import { live, liveAttr } from '../i18n/i18n.js';
import { currentPosition } from '../geolocation.js';
import { loadPlaces } from '../place-names.js';
import { runtimeConfig } from '../runtime-config.js';
import { offlineZoneCheck } from './offline-zone-check.js';
import type { PatrolMap } from './patrol-map.js';
import { createZoneAnswer } from './zone-answer.js';

/** The API's answer, or the snapshot's when the network is gone (status 0). */
async function check(point: LatLon, snapshot: () => Promise<PublicHotspotCollection | null>) {
  try {
    return { res: await endpoints.zoneCheck(point), offline: false };
  } catch (err) {
    if (!(err instanceof ApiError) || (err.status !== 0 && err.status < 500)) throw err;
    const snap = await snapshot();
    if (!snap) return null;
    return { res: offlineZoneCheck(point, snap, await loadPlaces()) as ZoneCheckBody, offline: true };
  }
}

/** The one box (coordinates or a place name) with the check and GPS buttons. */
function queryForm(): { form: HTMLFormElement; query: HTMLInputElement; gps: HTMLButtonElement } {
  const query = h('input', {
    name: 'where',
    type: 'search',
    autocomplete: 'off',
    enterkeyhint: 'search',
    inputmode: 'text',
  });
  liveAttr(query, 'placeholder', 'patrol.queryPlaceholder');
  const gps = h('button', { type: 'button', class: 'primary gps', id: 'gps-button' }, live('gps.useMine'));
  const form = h(
    'form',
    { class: 'patrol-form', id: 'patrol-form', novalidate: true },
    field(live('patrol.queryLabel'), query, live('patrol.queryHint')),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, live('patrol.check')), gps),
  );
  return { form, query, gps };
}

/**
 * The public snapshot, loaded once at start (which also puts it in the service worker's cache
 * for offline checks); `get` asks again when the first load found nothing.
 */
function snapshotSource(): {
  ready: Promise<PublicHotspotCollection | null>;
  get: () => Promise<PublicHotspotCollection | null>;
} {
  let snapshot: PublicHotspotCollection | null = null;
  const load = async () => {
    try {
      snapshot = await endpoints.hotspots();
    } catch {
      // Offline with nothing cached: checks will say so.
    }
    return snapshot;
  };
  const ready = load();
  return { ready, get: () => ready.then((s) => s ?? load()) };
}

/** The point a typed text names: coordinates at once, else the geocoder's place; undefined after saying why not. */
async function pointOfText(text: string, answer: ReturnType<typeof createZoneAnswer>): Promise<LatLon | undefined> {
  if (!text) return void answer.unknown('patrol.needQuery');
  const point = parseLatLon(text);
  if (point) return point;
  answer.checking();
  try {
    const found = await endpoints.geocode(text);
    if (found.precision !== 'none' && found.lat !== undefined && found.lon !== undefined)
      return { lat: found.lat, lon: found.lon };
    answer.unknown('patrol.placeNotFound');
  } catch {
    answer.unknown('patrol.placeOffline');
  }
  return undefined;
}

/**
 * Starts the map (its code loads beside the view): `created` is called as soon as it exists,
 * then it gets the snapshot's hotspots. Without WebGL the map's pane is hidden.
 */
async function startMap(
  pane: HTMLElement,
  el: HTMLElement,
  onTap: (p: LatLon) => void,
  snapshot: Promise<PublicHotspotCollection | null>,
  created: (map: PatrolMap) => void,
): Promise<void> {
  const [{ createPatrolMap }, config] = await Promise.all([import('./patrol-map.js'), runtimeConfig()]);
  let map: PatrolMap;
  try {
    map = createPatrolMap(el, config.basemapStyleUrl, onTap);
  } catch (err) {
    console.warn('map unavailable', err);
    pane.hidden = true;
    return;
  }
  created(map);
  const snap = await snapshot;
  if (snap) map.setHotspots(snap);
}

/** The answer and the box at the top, the map under them. */
function layOut(
  root: HTMLElement,
  answer: HTMLElement,
  form: HTMLElement,
): { mapEl: HTMLElement; mapPane: HTMLElement } {
  const mapEl = h('div', { class: 'map', id: 'map' });
  const mapPane = liveAttr(
    h('section', { class: 'map-pane patrol-map' }, mapEl, h('p', { class: 'map-hint' }, live('patrol.tapHint'))),
    'aria-label',
    'map.regionPatrol',
  );
  root.className = 'patrol-view';
  root.replaceChildren(
    h('div', { class: 'patrol-top' }, h('h1', { class: 'visually-hidden' }, live('patrol.heading')), answer, form),
    mapPane,
  );
  return { mapEl, mapPane };
}

/** Mounts the view in `root`. */
export async function mountPatrolView(root: HTMLElement): Promise<void> {
  const answer = createZoneAnswer();
  const { form, query, gps } = queryForm();
  const { mapEl, mapPane } = layOut(root, answer.element, form);
  const snapshots = snapshotSource();
  void loadPlaces();

  let map: PatrolMap | null = null;
  let checked: LatLon | undefined;
  const run = async (point: LatLon) => {
    answer.checking();
    checked = point;
    map?.show(point);
    try {
      const out = await check(point, snapshots.get);
      if (!out) return answer.unknown('patrol.noData');
      answer.show(out.res, point, out.offline);
    } catch {
      answer.unknown('patrol.failed');
    }
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const point = await pointOfText(query.value.trim(), answer);
    if (point) await run(point);
  });
  gps.addEventListener('click', async () => {
    answer.checking();
    const pos = await currentPosition();
    if (!pos.ok) return answer.unknown(pos.reason === 'denied' ? 'gps.denied' : 'gps.unavailable');
    await run(pos.point);
  });
  const mapping = startMap(
    mapPane,
    mapEl,
    (p) => void run(p),
    snapshots.ready,
    (m) => {
      map = m;
      // A `#z=` link is checked before the map exists: show that spot once it does.
      if (checked) m.show(checked);
    },
  );
  const link = parseDeepLink(location.hash);
  if (link.kind === 'zone') {
    query.value = `${link.lat}, ${link.lon}`;
    await run({ lat: link.lat, lon: link.lon });
  }
  await mapping;
}
