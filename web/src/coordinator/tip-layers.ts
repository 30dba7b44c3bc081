/**
 * Tips on the coordinator's map: clustered by MapLibre at low zoom (its GeoJSON source runs
 * supercluster in the worker), single tips coloured by review status, cluster counts drawn
 * as HTML, and a choropleth of tips per approximate tambon area.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { TipListItem } from '../../../shared/api/wire.js';
import type { BaseMap } from '../map/base-map.js';
import { EMPTY } from '../map/map-style.js';
import { tipPoint } from './tip-export.js';

const SOURCE = 'tips';
export const TIP_POINT_LAYER = 'tip-point';
export const TIP_CLUSTER_LAYER = 'tip-cluster';

/** Review status colours; `new` is the one that needs a coordinator. */
const STATUS_COLOR = [
  'match',
  ['get', 'status'],
  'new',
  '#1a56b0',
  'verified',
  '#1d6b34',
  'referred',
  '#7a2f9b',
  'dismissed',
  '#8a8a8a',
  '#1a56b0',
];

/** Choropleth classes: tips per tambon area. */
const CHOROPLETH = [
  'interpolate',
  ['linear'],
  ['coalesce', ['feature-state', 'count'], 0],
  0,
  'rgba(0,0,0,0)',
  1,
  '#fde0c5',
  5,
  '#f59e6b',
  20,
  '#c2410c',
];

export interface TipLayers {
  setTips(tips: TipListItem[]): void;
  setChoropleth(counts: Map<string, number> | null): void;
}

const featureCache = new WeakMap<TipListItem, Feature<Point> | null>();

function featureOf(t: TipListItem): Feature<Point> | null {
  let f = featureCache.get(t);
  if (f !== undefined) return f;
  const p = tipPoint(t);
  f = p
    ? {
        type: 'Feature',
        properties: { id: t.id, status: t.status, urgent: t.urgent },
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      }
    : null;
  featureCache.set(t, f);
  return f;
}

/** Adds the layers (after the style loaded); `open` is called with a tip id clicked. */
export function addTipLayers(base: BaseMap, open: (id: string) => void): TipLayers {
  const map: MapLibreMap = base.map;
  if (!map.getSource('tambon-areas'))
    map.addSource('tambon-areas', { type: 'geojson', data: EMPTY, promoteId: 'code' });
  map.addLayer({
    id: 'tambon-choropleth',
    type: 'fill',
    source: 'tambon-areas',
    layout: { visibility: 'none' },
    paint: { 'fill-color': CHOROPLETH as never, 'fill-opacity': 0.7, 'fill-outline-color': '#9a8f74' },
  });
  // radius 50 px, and no clusters from zoom 13, where single tips are what a coordinator reads.
  map.addSource(SOURCE, { type: 'geojson', data: EMPTY, cluster: true, clusterRadius: 50, clusterMaxZoom: 12 });
  map.addLayer({
    id: TIP_CLUSTER_LAYER,
    type: 'circle',
    source: SOURCE,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#1e2a38',
      'circle-opacity': 0.85,
      'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 100, 23, 1000, 29],
      'circle-stroke-color': '#fff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: TIP_POINT_LAYER,
    type: 'circle',
    source: SOURCE,
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': STATUS_COLOR as never,
      'circle-radius': ['case', ['get', 'urgent'], 8, 6],
      'circle-stroke-color': ['case', ['get', 'urgent'], '#bd0026', '#ffffff'],
      'circle-stroke-width': 2,
    },
  });
  const source = () => map.getSource(SOURCE) as GeoJSONSource;
  map.on('click', TIP_CLUSTER_LAYER, async (e) => {
    const f = e.features?.[0];
    if (!f) return;
    const zoom = await source().getClusterExpansionZoom(f.properties.cluster_id as number);
    map.easeTo({ center: (f.geometry as Point).coordinates as [number, number], zoom });
  });
  map.on('click', TIP_POINT_LAYER, (e) => {
    const id = e.features?.[0]?.properties?.id;
    if (typeof id === 'string') open(id);
  });
  for (const id of [TIP_CLUSTER_LAYER, TIP_POINT_LAYER]) {
    map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
  }
  // Cluster counts are Latin digits, but the offline style has no glyphs: the browser draws them.
  map.on('idle', () => {
    if (!base.labels) return;
    const clusters = map.queryRenderedFeatures({ layers: [TIP_CLUSTER_LAYER] });
    base.labels.setExtra(
      clusters.map((c) => {
        const [lon, lat] = (c.geometry as Point).coordinates;
        return {
          key: `cluster:${c.properties.cluster_id}`,
          lat,
          lon,
          text: String(c.properties.point_count_abbreviated),
          className: 'cluster-count',
        };
      }),
    );
  });
  let shownCounts = new Map<string, number>();
  return {
    setTips(tips) {
      const features: Feature<Point>[] = [];
      for (const t of tips) {
        const f = featureOf(t);
        if (f) features.push(f);
      }
      source().setData({ type: 'FeatureCollection', features } as FeatureCollection);
    },
    setChoropleth(counts) {
      map.setLayoutProperty('tambon-choropleth', 'visibility', counts ? 'visible' : 'none');
      if (!counts) return;
      void base.loadTambonAreas();
      for (const code of shownCounts.keys())
        if (!counts.has(code)) map.setFeatureState({ source: 'tambon-areas', id: code }, { count: 0 });
      for (const [code, count] of counts) map.setFeatureState({ source: 'tambon-areas', id: code }, { count });
      shownCounts = counts;
    },
  };
}
