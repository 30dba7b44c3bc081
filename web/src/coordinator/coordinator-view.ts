/**
 * The coordinator console (`/coordinator`): sign-in first, then four tabs over one map:
 * tips (filters, clusters, list, detail, export), hotspots, volunteers and the SMS log.
 * A 401 from any call returns to the sign-in screen.
 */
import './coordinator.css';
import { onUnauthorized, setBearer } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { addMessages, live, liveAttr, type MessageKey } from '../i18n/i18n.js';
import type { BaseMap } from '../map/base-map.js';
import { runtimeConfig, type RuntimeConfig } from '../runtime-config.js';
import { createAlertsTab } from './alerts-tab.js';
import { loadSession, saveSession, type Session } from './auth-session.js';
import { hostedSignOutUrl } from './cognito-pkce.js';
import { coordinatorMessages } from './coordinator-messages.js';
import { createHotspotsTab } from './hotspots-tab.js';
import { renderSignIn, sessionFromRedirect } from './sign-in.js';
import { createTipsTab } from './tips-tab.js';
import { createVolunteersTab } from './volunteers-tab.js';

type TabName = 'tips' | 'hotspots' | 'volunteers' | 'alerts';
const TABS: Array<[TabName, MessageKey]> = [
  ['tips', 'coord.tabTips'],
  ['hotspots', 'coord.tabHotspots'],
  ['volunteers', 'coord.tabVolunteers'],
  ['alerts', 'coord.tabAlerts'],
];

/** The map, loaded on its own so the tips start loading while MapLibre downloads; null without WebGL. */
async function mapOrNull(el: HTMLElement, config: RuntimeConfig): Promise<BaseMap | null> {
  const { createBaseMap } = await import('../map/base-map.js');
  try {
    return createBaseMap(el, { styleUrl: config.basemapStyleUrl });
  } catch (err) {
    console.warn('map unavailable', err);
    return null;
  }
}

/** 5 decimals ≈ 1 m: more would be false precision from a tap. */
const roundDeg = (deg: number) => Math.round(deg * 1e5) / 1e5;

function tabButton(name: TabName, key: MessageKey): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': 'coord-tabpanel', 'data-tab': name },
    live(key),
  );
}

/** Marks tab `name` as the selected one, the only one reached by Tab (roving tabindex). */
function select(tabButtons: HTMLButtonElement[], name: TabName): void {
  for (const b of tabButtons) {
    const on = b.dataset.tab === name;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
  }
}

/** The console's top bar: the tabs, and who is signed in with the sign-out button. */
function consoleBar(tabButtons: HTMLButtonElement[], session: Session, signOut: () => void): HTMLElement {
  return h(
    'div',
    { class: 'coord-bar' },
    h('h1', { class: 'visually-hidden' }, live('coord.heading')),
    liveAttr(h('div', { class: 'tabs', role: 'tablist' }, ...tabButtons), 'aria-label', 'coord.tabsLabel'),
    h(
      'div',
      { class: 'signed-in' },
      h('span', {}, live('coord.signedInAs'), ' ', session.user),
      h('button', { type: 'button', class: 'secondary small sign-out', onclick: signOut }, live('coord.signOut')),
    ),
  );
}

/** Calls `show` with the tab clicked, or reached by the arrow keys (as the ARIA tabs pattern expects). */
function onTabChosen(tabButtons: HTMLButtonElement[], show: (name: TabName) => void): void {
  tabButtons.forEach((b, i) => {
    b.addEventListener('click', () => show(b.dataset.tab as TabName));
    b.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabButtons[(i + step + tabButtons.length) % tabButtons.length];
      next.focus();
      show(next.dataset.tab as TabName);
    });
  });
}

function mountConsole(root: HTMLElement, config: RuntimeConfig, session: Session, signOut: () => void): void {
  const mapEl = h('div', { class: 'map', id: 'map' });
  const mapPane = liveAttr(h('section', { class: 'map-pane' }, mapEl), 'aria-label', 'map.regionCoordinator');
  root.className = 'coordinator-view';
  const panel = h('div', { class: 'coord-panel', role: 'tabpanel', id: 'coord-tabpanel', tabindex: -1 });
  const filterSlot = h('div', {});
  const tabButtons = TABS.map(([name, key]) => tabButton(name, key));
  replaceChildren(
    root,
    consoleBar(tabButtons, session, signOut),
    filterSlot,
    h('div', { class: 'coord-main' }, mapPane, panel),
  );

  const pending = mapOrNull(mapEl, config);
  const tips = createTipsTab(pending);
  const hotspots = createHotspotsTab(pending);
  const volunteers = createVolunteersTab(pending);
  const alerts = createAlertsTab(() => volunteers.names());
  const loaded = new Set<TabName>();
  const show = (name: TabName) => {
    select(tabButtons, name);
    panel.setAttribute('aria-labelledby', `tab-${name}`);
    replaceChildren(filterSlot, name === 'tips' ? tips.filters : null);
    replaceChildren(
      panel,
      { tips: tips.panel, hotspots: hotspots.panel, volunteers: volunteers.panel, alerts: alerts.panel }[name],
    );
    tips.setVisible(name === 'tips');
    hotspots.setVisible(name === 'hotspots' || name === 'tips');
    volunteers.setVisible(name === 'volunteers');
    if (!loaded.has(name)) {
      loaded.add(name);
      if (name === 'hotspots') void hotspots.load();
      if (name === 'volunteers') void volunteers.load();
      if (name === 'alerts') void volunteers.load().then(() => alerts.load());
    }
  };
  onTabChosen(tabButtons, show);
  void pending.then((base) => {
    if (!base) return;
    Object.assign(window, { phithak: { map: base.map, ready: base.ready, view: 'coordinator' } });
    base.map.on('click', (e) => void volunteers.pick({ lat: roundDeg(e.lngLat.lat), lon: roundDeg(e.lngLat.lng) }));
    void base.ready.then(() => show(current()));
  });
  // The hotspots sit under the tips; both show on the tips tab.
  void hotspots.load();
  loaded.add('hotspots');
  const current = () =>
    (tabButtons.find((b) => b.getAttribute('aria-selected') === 'true')?.dataset.tab ?? 'tips') as TabName;
  show('tips');
}

/** Mounts the view in `root`. */
export async function mountCoordinatorView(root: HTMLElement): Promise<void> {
  addMessages(coordinatorMessages);
  const config = await runtimeConfig();
  let session: Session | null = null;
  let problem: 'failed' | undefined;
  try {
    session = (await sessionFromRedirect(config)) ?? loadSession();
  } catch {
    problem = 'failed';
  }
  const signOut = () => {
    saveSession(null);
    setBearer(() => undefined);
    if (config.authMode === 'cognito') location.assign(hostedSignOutUrl(config));
    else location.reload();
  };
  const open = (s: Session) => {
    session = s;
    setBearer(() => {
      if (session?.expiresAt && session.expiresAt <= Date.now()) {
        saveSession(null);
        location.reload();
      }
      return session?.token;
    });
    mountConsole(root, config, s, signOut);
  };
  onUnauthorized(() => {
    if (!session) return;
    session = null;
    saveSession(null);
    renderSignIn(root, config, open, 'expired');
  });
  if (session) open(session);
  else renderSignIn(root, config, open, problem);
}
