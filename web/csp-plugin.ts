/**
 * Vite plugin: a Content-Security-Policy `<meta>` in the built page (not in dev, where Vite's
 * HMR injects inline styles). Tips and coordinator data are sensitive; the policy allows only
 * same-origin code, data and workers, so injected markup could not load or send anything.
 * `frame-ancestors` cannot be set from a meta tag: the host sets it as a header if needed.
 */
import type { Plugin } from 'vite';

/** The policy; MapLibre needs `blob:` for images it decodes and nothing else beyond 'self'. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Adds the policy as the first element of `<head>` at build time. */
export function cspPlugin(): Plugin {
  return {
    name: 'phithak-csp',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
