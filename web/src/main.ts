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
  document.body.dataset.view = view;
  const lang = rememberedLanguage();
  const [mount] = await Promise.all([VIEWS[view](), lang === 'th' ? undefined : setLanguage(lang)]);
  mountShell(view);
  await mount(byId('main'));
  registerServiceWorker();
}

void start();
