/**
 * The offline base style, built in code: no tiles, glyphs or sprites, so no request leaves
 * the origin. Provinces come from the basemap files the Vite plugin emits; place names are drawn by the browser (`place-labels.ts`), because
 * MapLibre's glyph renderer cannot shape Thai.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { HOME_PROVINCES } from '../../../shared/geocoder/home-provinces.js';

/** Where every map starts: Narathiwat town; zoom 8 shows the four border provinces. */
export const START = { center: [101.6, 6.5] as [number, number], zoom: 7.6 };

/** Outside Thailand: the offline map's container background (`base-map.ts`). */
export const OUTSIDE_COLOR = '#dcdfe2';

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Who the offline basemap's boundaries come from, shown on the map (`base-map.ts`). */
export const BASEMAP_CREDIT = 'Boundaries: OpenGISData-Thailand · data.go.th';

/** A linear interpolation between two zoom stops, as MapLibre's `interpolate` draws it (clamped). */
function byZoom([[z0, v0], [z1, v1]]: [number, number][]) {
  return (zoom: number) => v0 + (v1 - v0) * Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0)));
}

const PROVINCE_LINE_WIDTH: [number, number][] = [
  [5, 0.5],
  [10, 1.5],
];
const HOTSPOT_POINT_RADIUS: [number, number][] = [
  [6, 6],
  [11, 10],
];

/** The provinces' look, said once for the style and for the still poster (`map-poster.ts`). */
export const PROVINCE_LOOK = {
  servedFill: '#ebe6d6',
  otherFill: '#f4f1e8',
  line: '#7b7b72',
  lineWidthStops: PROVINCE_LINE_WIDTH,
  lineWidthAt: byZoom(PROVINCE_LINE_WIDTH),
};

/** The hotspots' look (`hotspot-layers.ts` and the poster). */
export const HOTSPOT_LOOK = {
  fillOpacity: 0.5,
  selectedFillOpacity: 0.75,
  lineWidth: 1.5,
  selectedLineWidth: 3,
  pointRadiusStops: HOTSPOT_POINT_RADIUS,
  pointRadiusAt: byZoom(HOTSPOT_POINT_RADIUS),
  pointOpacity: 0.9,
  pointStroke: '#3a1d12',
  pointStrokeWidth: 1,
};

const isServed: ExpressionSpecification = ['in', ['get', 'code'], ['literal', [...HOME_PROVINCES]]];

/** Whether a province (by code) is one the service covers: drawn darker. */
export function isServedProvince(code: string): boolean {
  return HOME_PROVINCES.has(code);
}

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
        attribution: BASEMAP_CREDIT,
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
          'fill-color': ['case', isServed, PROVINCE_LOOK.servedFill, PROVINCE_LOOK.otherFill],
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
          'line-color': ['case', isServed, PROVINCE_LOOK.line, PROVINCE_LOOK.line],
          'line-width': [
            'interpolate',
            ['linear'],
            ['zoom'],
            ...PROVINCE_LOOK.lineWidthStops.flatMap(([zoom, width]) => [zoom, ['case', isServed, width, width]]),
          ] as ExpressionSpecification,
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
