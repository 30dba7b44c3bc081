/**
 * Vite plugin: MapLibre's stylesheet without the rules for controls the app never adds.
 * The MapLibre logo alone is a 39 KB inline SVG; with geolocate, globe, terrain, fullscreen
 * and compass rules gone the sheet drops from ~10 KB to ~3 KB gzip, which the public view's
 * weight budget needs.
 */
import type { Plugin } from 'vite';

/** Class fragments of controls and features the app does not use. */
export const UNUSED_MAPLIBRE_PARTS = [
  'maplibregl-ctrl-logo',
  'geolocate',
  'user-location',
  'globe',
  'terrain',
  'fullscreen',
  'shrink',
  'compass',
  'maplibregl-marker',
  // Cooperative gestures are off (`base-map.ts`); the spinner is the geolocate control's.
  'cooperative-gesture',
  'maplibregl-spin',
];

/** Index of the `}` closing the block opened at `open`. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i;
  }
  return css.length - 1;
}

/** Drops every rule whose selector mentions one of `parts`; recurses into `@media` and `@supports`. */
export function dropCssRules(css: string, parts: readonly string[]): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) {
      out += css.slice(i);
      break;
    }
    const end = blockEnd(css, open);
    const prelude = css.slice(i, open);
    const body = css.slice(open + 1, end);
    if (/^\s*@(media|supports)/.test(prelude)) {
      const inner = dropCssRules(body, parts);
      if (inner.trim()) out += `${prelude}{${inner}}`;
    } else if (!parts.some((p) => prelude.includes(p))) {
      out += `${prelude}{${body}}`;
    }
    i = end + 1;
  }
  return out;
}

/** Filters `maplibre-gl.css` as Vite loads it. */
export function maplibreCssPlugin(): Plugin {
  return {
    name: 'phithak-maplibre-css',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0].endsWith('maplibre-gl/dist/maplibre-gl.css')) return null;
      return { code: dropCssRules(code, UNUSED_MAPLIBRE_PARTS), map: null };
    },
  };
}
