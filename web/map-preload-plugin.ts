/**
 * Vite plugin: every view draws a map, so the page asks for MapLibre (its module and its
 * worker) from the first byte of HTML instead of after the view's code has loaded and run.
 * The module is a `modulepreload`; the worker a `prefetch` into the HTTP cache, where the
 * worker's own request finds it (the assets are served immutable).
 */
import type { Plugin } from 'vite';

export function mapPreloadPlugin(): Plugin {
  return {
    name: 'phithak-map-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.values(ctx.bundle ?? {}).map((f) => f.fileName);
        const module = files.find((f) => /^assets\/maplibre-[\w-]+\.js$/.test(f));
        const worker = files.find((f) => /^assets\/maplibre-gl-worker-[\w-]+\.js$/.test(f));
        const thaiFonts = files.filter((f) => /^assets\/sarabun-thai-(400|700)-normal-[\w-]+\.woff2$/.test(f));
        return [
          ...thaiFonts.map((href) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `/${href}` },
            injectTo: 'head' as const,
          })),
          ...(module
            ? [{ tag: 'link', attrs: { rel: 'modulepreload', href: `/${module}` }, injectTo: 'head' as const }]
            : []),
          ...(worker
            ? [{ tag: 'link', attrs: { rel: 'prefetch', href: `/${worker}` }, injectTo: 'head' as const }]
            : []),
        ];
      },
    },
  };
}
