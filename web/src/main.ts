/**
 * Composition root: the shell, the remembered language, then the view the URL names, loaded
 * on its own so the public map never downloads the coordinator console.
 */
import './fonts.css';
import './style.css';
import { mountShell } from './app-shell.js';
import { byId } from './dom.js';
import { rememberedLanguage, setLanguage } from './i18n/i18n.js';
import { registerServiceWorker } from './offline/service-worker.js';
import { viewFor } from './router.js';
import { runtimeConfig } from './runtime-config.js';

const VIEWS = {
  public: () => import('./public/public-view.js').then((m) => m.mountPublicView),
  patrol: () => import('./patrol/patrol-view.js').then((m) => m.mountPatrolView),
  coordinator: () => import('./coordinator/coordinator-view.js').then((m) => m.mountCoordinatorView),
};

async function start(): Promise<void> {
  // Asked for now, so it is in by the time a view wants it (the map style, the sign-in mode).
  void runtimeConfig();
  const view = viewFor(location.pathname, location.hash);
  // The coordinator's and the patrol's map is what their page is for: MapLibre is evaluated and
  // its worker started (`base-map.ts`) while the view's own code loads and mounts, not after.
  // The public view lists the risk areas first (on a slow phone, evaluating MapLibre first
  // delays the list by half a second) and loads its map after. A failure shows when the view
  // imports it.
  if (view !== 'public') void import('./map/base-map.js').catch(() => undefined);
  document.body.dataset.view = view;
  const lang = rememberedLanguage();
  const [mount] = await Promise.all([VIEWS[view](), lang === 'th' ? undefined : setLanguage(lang)]);
  mountShell(view);
  await mount(byId('main'));
  registerServiceWorker();
}

void start();
