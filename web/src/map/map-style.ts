/**
 * The map style, built in code and fully offline: no tiles, no glyphs, no sprites. Province
 * boundaries come from the basemap the Vite plugin emits; hotspots and the picked point are
 * GeoJSON sources the app fills at run time.
 */
import type { FilterSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { RISK_COLORS } from '../format.js';

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** TIS-1099 codes of the four southern border provinces (Songkhla, Pattani, Yala, Narathiwat). */
const BORDER_PROVINCES = ['90', '94', '95', '96'];

const riskColor = [
  'match',
  ['get', 'riskLevel'],
  'low',
  RISK_COLORS.low,
  'medium',
  RISK_COLORS.medium,
  'high',
  RISK_COLORS.high,
  'critical',
  RISK_COLORS.critical,
  '#888888',
] as unknown as string;

const isBorderProvince = ['in', ['get', 'code'], ['literal', BORDER_PROVINCES]] as FilterSpecification;

/** The style; `basemapUrl` must be absolute because the worker resolves URLs, not the page. */
export function mapStyle(basemapUrl: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      provinces: {
        type: 'geojson',
        data: basemapUrl,
        attribution: 'Boundaries: OpenGISData-Thailand (chingchai) · data.go.th',
      },
      hotspots: { type: 'geojson', data: EMPTY, promoteId: 'id' },
      // One point per hotspot so that small polygons stay visible at province zoom.
      'hotspot-points': { type: 'geojson', data: EMPTY },
      pick: { type: 'geojson', data: EMPTY },
    },
    layers: [
      // Outside Thailand is neutral grey, not sea blue: the basemap has no Malaysia, and
      // painting it as water would mislead a patrol at the border.
      { id: 'outside', type: 'background', paint: { 'background-color': '#dcdfe2' } },
      { id: 'province-fill', type: 'fill', source: 'provinces', paint: { 'fill-color': '#f4f1e8' } },
      {
        id: 'province-border-fill',
        type: 'fill',
        source: 'provinces',
        filter: isBorderProvince,
        paint: { 'fill-color': '#ebe6d6' },
      },
      {
        id: 'province-line',
        type: 'line',
        source: 'provinces',
        paint: { 'line-color': '#7b7b72', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.5, 10, 1.5] },
      },
      {
        // Density of hotspot centres weighted by tip count: an aggregate view, hidden until asked for.
        id: 'hotspot-heat',
        type: 'heatmap',
        source: 'hotspot-points',
        layout: { visibility: 'none' },
        paint: {
          'heatmap-weight': ['interpolate', ['linear'], ['get', 'tipCount'], 3, 0.6, 20, 1],
          'heatmap-intensity': 1.5,
          'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 6, 30, 12, 90],
          'heatmap-opacity': 0.8,
          // Same yellow-to-red ramp as the risk colours, transparent where there is nothing.
          'heatmap-color': [
            'interpolate',
            ['linear'],
            ['heatmap-density'],
            0,
            'rgba(254,204,92,0)',
            0.15,
            RISK_COLORS.low,
            0.45,
            RISK_COLORS.medium,
            0.75,
            RISK_COLORS.high,
            1,
            RISK_COLORS.critical,
          ],
        },
      },
      {
        id: 'hotspot-fill',
        type: 'fill',
        source: 'hotspots',
        paint: {
          'fill-color': riskColor,
          'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.75, 0.5],
        },
      },
      {
        id: 'hotspot-line',
        type: 'line',
        source: 'hotspots',
        paint: {
          'line-color': riskColor,
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.5],
        },
      },
      {
        id: 'hotspot-point',
        type: 'circle',
        source: 'hotspot-points',
        maxzoom: 12,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 5, 11, 9],
          'circle-color': riskColor,
          'circle-stroke-color': '#3a1d12',
          'circle-stroke-width': 1,
          'circle-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.9, 12, 0],
          'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.9, 12, 0],
        },
      },
      {
        id: 'pick-point',
        type: 'circle',
        source: 'pick',
        paint: {
          'circle-radius': 7,
          'circle-color': '#1f5fbf',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
    ],
  };
}
