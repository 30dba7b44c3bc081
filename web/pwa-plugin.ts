/**
 * The installable, offline-capable app: a web manifest and a Workbox service worker
 * (vite-plugin-pwa, `generateSW`). The worker precaches the app shell, the font, the
 * basemap and MapLibre's worker, serves index.html for every page route offline, and keeps
 * the last public hotspot snapshot (network first) so the patrol check answers offline.
 * Coordinator data is never cached: it passes straight to the network.
 */
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The public snapshot is republished hourly; a 4 s wait is all a patrol on a weak signal gets. */
const SNAPSHOT_NETWORK_TIMEOUT_S = 4;

export function pwaPlugin(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'autoUpdate',
    injectRegister: false,
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    includeAssets: ['icon.svg'],
    manifest: {
      name: 'พิทักษ์ Phithak',
      short_name: 'พิทักษ์',
      description: 'ตรวจพื้นที่เสี่ยงการค้ามนุษย์ แจ้งเบาะแส · Risk zone check and tips',
      lang: 'th',
      // Patrols are the ones who install it: they open on the zone check.
      start_url: '/patrol',
      scope: '/',
      display: 'standalone',
      background_color: '#f4f1e8',
      theme_color: '#1e2a38',
      icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      shortcuts: [
        { name: 'แจ้งเบาะแส', url: '/#report' },
        { name: 'ตรวจพื้นที่', url: '/patrol' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,woff2,svg,json,geojson,webmanifest}'],
      // The Vite manifest is for the bench, not for browsers.
      globIgnores: ['.vite/**'],
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/api\//, /^\/runtime-config\.json$/],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      runtimeCaching: [
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/api/hotspots',
          handler: 'NetworkFirst',
          options: {
            cacheName: 'public-snapshot',
            networkTimeoutSeconds: SNAPSHOT_NETWORK_TIMEOUT_S,
            expiration: { maxEntries: 1 },
          },
        },
      ],
    },
  });
}
