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

/** Mounts the view in `root`. */
export async function mountPatrolView(root: HTMLElement): Promise<void> {
  const answer = createZoneAnswer();
  const query = h('input', {
    name: 'where',
    type: 'search',
    autocomplete: 'off',
    enterkeyhint: 'search',
    inputmode: 'text',
  });
  liveAttr(query, 'placeholder', 'patrol.queryPlaceholder');
  const form = h(
    'form',
    { class: 'patrol-form', id: 'patrol-form', novalidate: true },
    field(live('patrol.queryLabel'), query, live('patrol.queryHint')),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', class: 'primary' }, live('patrol.check')),
      h('button', { type: 'button', class: 'primary gps', id: 'gps-button' }, live('gps.useMine')),
    ),
  );
  const mapEl = h('div', { class: 'map', id: 'map' });
  const mapPane = liveAttr(
    h('section', { class: 'map-pane patrol-map' }, mapEl, h('p', { class: 'map-hint' }, live('patrol.tapHint'))),
    'aria-label',
    'map.regionPatrol',
  );
  root.className = 'patrol-view';
  root.replaceChildren(
    h(
      'div',
      { class: 'patrol-top' },
      h('h1', { class: 'visually-hidden' }, live('patrol.heading')),
      answer.element,
      form,
    ),
    mapPane,
  );

  let snapshot: PublicHotspotCollection | null = null;
  // The first load also puts the snapshot in the service worker's cache for offline checks.
  const loadSnapshot = async () => {
    try {
      snapshot = await endpoints.hotspots();
    } catch {
      // Offline with nothing cached: checks will say so.
    }
    return snapshot;
  };
  const snapshotReady = loadSnapshot();
  void loadPlaces();

  let map: PatrolMap | null = null;
  let checked: LatLon | undefined;
  const run = async (point: LatLon) => {
    answer.checking();
    checked = point;
    map?.show(point);
    try {
      const out = await check(point, () => snapshotReady.then((s) => s ?? loadSnapshot()));
      if (!out) return answer.unknown('patrol.noData');
      answer.show(out.res, point, out.offline);
    } catch {
      answer.unknown('patrol.failed');
    }
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = query.value.trim();
    if (!text) return answer.unknown('patrol.needQuery');
    const point = parseLatLon(text);
    if (point) return run(point);
    answer.checking();
    try {
      const found = await endpoints.geocode(text);
      if (found.precision === 'none' || found.lat === undefined || found.lon === undefined)
        return answer.unknown('patrol.placeNotFound');
      await run({ lat: found.lat, lon: found.lon });
    } catch {
      answer.unknown('patrol.placeOffline');
    }
  });
  form.querySelector('#gps-button')?.addEventListener('click', async () => {
    answer.checking();
    const pos = await currentPosition();
    if (!pos.ok) return answer.unknown(pos.reason === 'denied' ? 'gps.denied' : 'gps.unavailable');
    await run(pos.point);
  });
  const mapping = Promise.all([import('./patrol-map.js'), runtimeConfig()]).then(
    async ([{ createPatrolMap }, config]) => {
      try {
        map = createPatrolMap(mapEl, config.basemapStyleUrl, (p) => void run(p));
      } catch (err) {
        console.warn('map unavailable', err);
        mapPane.hidden = true;
        return;
      }
      // A `#z=` link is checked before the map exists: show that spot once it does.
      if (checked) map.show(checked);
      const snap = await snapshotReady;
      if (snap) map.setHotspots(snap);
    },
  );
  const link = parseDeepLink(location.hash);
  if (link.kind === 'zone') {
    query.value = `${link.lat}, ${link.lon}`;
    await run({ lat: link.lat, lon: link.lon });
  }
  await mapping;
}
