/**
 * Builds the web app: root `web/`, output `web/dist`. `npm run build:web` from the repo root.
 * In dev (`npx vite --config web/vite.config.ts`) `/api` is proxied to the local host on PORT.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { basemapPlugin } from './basemap-plugin.js';
import { mapPreloadPlugin } from './map-preload-plugin.js';
import { maplibreCssPlugin } from './maplibre-css-plugin.js';
import { pwaPlugin } from './pwa-plugin.js';

const webDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(webDir, '..');
const geodataDir = resolve(repoRoot, process.env.GEODATA_DIR ?? '../shared/geodata');
const apiPort = process.env.PORT ?? '3000';

export default defineConfig(({ command }) => ({
  root: webDir,
  // Built apps register the service worker; the dev server has none. Not `import.meta.env.PROD`:
  // a build run under vitest (NODE_ENV=test) would leave it out.
  define: { __SERVICE_WORKER__: JSON.stringify(command === 'build') },
  base: '/',
  plugins: [basemapPlugin({ geodataDir }), maplibreCssPlugin(), mapPreloadPlugin(), pwaPlugin()],
  build: {
    // No modulepreload polyfill: every browser that runs MapLibre 6 supports modulepreload.
    modulePreload: { polyfill: false },
    outDir: resolve(webDir, 'dist'),
    emptyOutDir: true,
    // MapLibre alone is ~800 KB minified; the warning would only repeat that.
    chunkSizeWarningLimit: 1500,
    // The bench reads it to weigh what each view loads.
    manifest: true,
    rollupOptions: {
      output: {
        // MapLibre in a chunk of its own name, so the bench and the build log show what it weighs.
        // The small modules every view shares in two chunks rather than one each: on the public
        // view nine small files compressed one by one weighed ~1.5 KB (gzip) more than together.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            {
              // What a view needs before its map: the DOM helper, formats, places, the style's facts, the poster.
              name: 'view-kit',
              test: /web[\\/]src[\\/]((dom|format|geolocation|place-names)|map[\\/](feature-bounds|map-style|map-poster))\.ts$|shared[\\/](risk-level|geocoder[\\/]home-provinces)\.ts$/,
            },
            // What comes with MapLibre: the base map, its labels, the hotspot layers.
            { name: 'map-kit', test: /web[\\/]src[\\/]map[\\/](base-map|place-labels|hotspot-layers)\.ts$/ },
          ],
        },
        // The MapLibre worker ships as `.mjs`; emit it as `.js` so any static host (the local
        // host, S3) serves it as JavaScript, which module workers require.
        assetFileNames: (info) =>
          (info.names?.[0] ?? '').endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  preview: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
}));
