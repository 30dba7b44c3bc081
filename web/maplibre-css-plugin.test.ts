import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UNUSED_MAPLIBRE_PARTS, dropCssRules } from './maplibre-css-plugin.js';

describe('dropCssRules', () => {
  it('drops matching rules at the top level and inside media queries, keeping the rest', () => {
    const css = '.a{x:1}.logo,.b{y:2}@media (min-width:1px){.logo{z:3}.c{w:4}}@media print{.logo{v:5}}';
    expect(dropCssRules(css, ['logo'])).toBe('.a{x:1}@media (min-width:1px){.c{w:4}}');
  });

  it('keeps what the map, its zoom buttons, scale, attribution and popups need', () => {
    const file = createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl.css');
    const full = readFileSync(file, 'utf8');
    const slim = dropCssRules(full, UNUSED_MAPLIBRE_PARTS);
    for (const needed of [
      '.maplibregl-canvas',
      'maplibregl-ctrl-zoom-in',
      'maplibregl-ctrl-scale',
      'maplibregl-ctrl-attrib',
      'maplibregl-popup-content',
    ])
      expect(slim).toContain(needed);
    expect(slim).not.toContain('maplibregl-ctrl-logo');
    expect(gzipSync(slim).length).toBeLessThan(gzipSync(full).length / 2);
  });
});
