/**
 * The offline base style, built in code: no tiles, glyphs or sprites, so no request leaves
 * the origin. Provinces come from the basemap files the Vite plugin emits; place names are drawn by the browser (`place-labels.ts`), because
 * MapLibre's glyph renderer cannot shape Thai.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { HOME_PROVINCES } from '../../../shared/geocoder/home-provinces.js';

/** Outside Thailand: the offline map's container background (`base-map.ts`). */
export const OUTSIDE_COLOR = '#dcdfe2';

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const isServed: ExpressionSpecification = ['in', ['get', 'code'], ['literal', [...HOME_PROVINCES]]];

/** Absolute URL of a basemap file: the worker resolves URLs, not the page. */
export function basemapUrl(file: string): string {
  return new URL(file, document.baseURI).href;
}

/**
 * The style: what the first frame draws, nothing more. The approximate tambon areas (117 KB
 * for the way-finding lines from zoom 9 and the coordinators' choropleth) are added by
 * `base-map.ts` when first needed.
 */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      provinces: {
        type: 'geojson',
        data: basemapUrl('basemap/provinces.geojson'),
        attribution: 'Boundaries: OpenGISData-Thailand · data.go.th',
      },
    },
    layers: [
      // No background layer: outside Thailand is the map container's background
      // (`OUTSIDE_COLOR`, neutral grey, not sea blue: the basemap has no Malaysia, and painting
      // it as water would mislead a patrol at the border), seen through the transparent canvas.
      // A background layer would cost a shader compile and a full-screen pass each frame.
      {
        // One layer for served and other provinces, its colour and opacity data-driven: it
        // then shares its shader with the hotspot fill, and every shader costs the first
        // render a compile (in software GL, tens of ms each). No antialiasing: the province
        // line draws the edges, and the outline would be one more shader.
        id: 'province-fill',
        type: 'fill',
        source: 'provinces',
        paint: {
          'fill-color': ['case', isServed, '#ebe6d6', '#f4f1e8'],
          'fill-opacity': ['case', isServed, 1, 1],
          'fill-antialias': false,
        },
      },
      {
        // Colour data-driven and width by zoom and data, like the hotspot outline's: one shader.
        id: 'province-line',
        type: 'line',
        source: 'provinces',
        paint: {
          'line-color': ['case', isServed, '#7b7b72', '#7b7b72'],
          'line-width': [
            'interpolate',
            ['linear'],
            ['zoom'],
            5,
            ['case', isServed, 0.5, 0.5],
            10,
            ['case', isServed, 1.5, 1.5],
          ],
        },
      },
    ],
  };
}

/** The dashed way-finding lines between approximate tambon areas, from zoom 9. */
export const TAMBON_AREA_LINE: LayerSpecification = {
  id: 'tambon-area-line',
  type: 'line',
  source: 'tambon-areas',
  minzoom: 9,
  paint: { 'line-color': '#b9b3a0', 'line-width': 0.6, 'line-dasharray': [2, 2] },
};
