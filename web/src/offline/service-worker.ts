/**
 * Registers the service worker that vite-plugin-pwa (Workbox) generates at build time: it
 * precaches the app shell, the bundled font and the basemap, and keeps the last public
 * hotspot snapshot, so the patrol check answers offline after one visit.
 */

/** Registers `/sw.js` in a built app; dev has no service worker. */
export function registerServiceWorker(): void {
  if (!__SERVICE_WORKER__ || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err: unknown) => {
    // Offline use is a bonus; the page works without it, so a warning is enough.
    console.warn('service worker not registered', err);
  });
}
