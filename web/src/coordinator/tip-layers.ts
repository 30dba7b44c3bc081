/**
 * Tips on the coordinator's map, clustered in the page with supercluster: a filter change
 * rebuilds the index (tens of ms for 10,000 tips) and the map source only ever holds the
 * clusters and single tips in view, so MapLibre's worker has little to redo. Single tips are
 * coloured by review status, cluster counts are drawn as HTML (the offline style has no
 * glyphs), and a choropleth shows tips per approximate tambon area.
 */
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Point } from 'geojson';
import type { TipListItem } from '../../../shared/api/wire.js';
import type { BaseMap } from '../map/base-map.js';
import { EMPTY } from '../map/map-style.js';
import { tipPoint } from './tip-export.js';

const SOURCE = 'tips';
/** Clusters and single tips, one layer (`addLayers`). */
export const TIP_LAYER = 'tip-point';

/**
 * Cluster radius 50 px, no clusters from zoom 13, where single tips are what a coordinator
 * reads. No levels under zoom 5 (Thailand whole on a phone): farther out the map shows zoom 5's
 * clusters, and each level is more of the index a filter change rebuilds.
 */
const CLUSTER = { radius: 50, minZoom: 5, maxZoom: 12, minPoints: 2 };

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

type TipProps = { id: string; status: string; urgent: boolean };

export interface TipLayers {
  setTips(tips: TipListItem[]): void;
  setChoropleth(counts: Map<string, number> | null): void;
  setVisible(on: boolean): void;
}

const featureCache = new WeakMap<TipListItem, Feature<Point, TipProps> | null>();

function featureOf(t: TipListItem): Feature<Point, TipProps> | null {
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

const CHOROPLETH_LAYER = 'tambon-choropleth';

/** The choropleth, added the first time it is asked for, under the hotspots and the tips. */
function addChoropleth(map: MapLibreMap): void {
  if (map.getLayer(CHOROPLETH_LAYER)) return;
  const below = ['coord-hotspot-fill', TIP_LAYER].find((id) => map.getLayer(id));
  map.addLayer(
    {
      id: CHOROPLETH_LAYER,
      type: 'fill',
      source: 'tambon-areas',
      paint: { 'fill-color': CHOROPLETH as never, 'fill-opacity': 0.7, 'fill-outline-color': '#9a8f74' },
    },
    below,
  );
}

const IS_CLUSTER = ['has', 'point_count'];
const URGENT = ['get', 'urgent'];

/**
 * Clusters and single tips are one circle layer, each paint property a `case` on whether
 * the feature is a cluster: one shader for both, compiled with the first tips drawn, instead
 * of a second compile (tens of ms in software GL) the first time a filter shows single tips.
 */
function addLayers(map: MapLibreMap): void {
  map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: TIP_LAYER,
    type: 'circle',
    source: SOURCE,
    paint: {
      'circle-color': ['case', IS_CLUSTER, '#1e2a38', STATUS_COLOR] as never,
      'circle-opacity': ['case', IS_CLUSTER, 0.85, 1] as never,
      'circle-radius': [
        'case',
        IS_CLUSTER,
        ['step', ['get', 'point_count'], 13, 10, 17, 100, 23, 1000, 29],
        ['case', URGENT, 8, 6],
      ] as never,
      'circle-stroke-color': ['case', IS_CLUSTER, '#ffffff', ['case', URGENT, '#bd0026', '#ffffff']] as never,
      'circle-stroke-width': 2,
    },
  });
}

/** The view's box with a margin of half a screen, so a short pan shows clusters before the move ends. */
export function viewWithMargin(map: MapLibreMap): [number, number, number, number] {
  const b = map.getBounds();
  const dx = (b.getEast() - b.getWest()) / 2;
  const dy = (b.getNorth() - b.getSouth()) / 2;
  return [
    Math.max(-180, b.getWest() - dx),
    Math.max(-85, b.getSouth() - dy),
    Math.min(180, b.getEast() + dx),
    Math.min(85, b.getNorth() + dy),
  ];
}

/** The counts of the clusters among `features`, as HTML labels (the offline style has no glyphs). */
export function clusterLabels(features: Array<Feature<Point, TipProps> | Feature<Point, ClusterProperties>>) {
  return features
    .filter((f) => 'cluster' in f.properties && f.properties.cluster)
    .map((f) => {
      const c = f.properties as ClusterProperties;
      const [lon, lat] = f.geometry.coordinates;
      return {
        key: `cluster:${c.cluster_id}`,
        lat,
        lon,
        text: String(c.point_count_abbreviated),
        className: 'cluster-count',
      };
    });
}

/** Adds the layers (after the style loaded); `open` is called with a tip id clicked. */
export function addTipLayers(base: BaseMap, open: (id: string) => void): TipLayers {
  const map: MapLibreMap = base.map;
  addLayers(map);
  let index = new Supercluster<TipProps>(CLUSTER);
  let visible = true;
  const draw = () => {
    const features = index.getClusters(viewWithMargin(map), Math.floor(map.getZoom()));
    void (map.getSource(SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
    base.labels?.setExtra(visible ? clusterLabels(features) : []);
  };
  map.on('moveend', draw);
  map.on('click', TIP_LAYER, (e) => {
    const f = e.features?.[0];
    if (!f) return;
    const cluster = f.properties.cluster_id;
    if (typeof cluster !== 'number') {
      const id = f.properties.id;
      if (typeof id === 'string') open(id);
      return;
    }
    const zoom = Math.min(index.getClusterExpansionZoom(cluster), 16);
    map.easeTo({ center: (f.geometry as Point).coordinates as [number, number], zoom });
  });
  map.on('mouseenter', TIP_LAYER, () => (map.getCanvas().style.cursor = 'pointer'));
  map.on('mouseleave', TIP_LAYER, () => (map.getCanvas().style.cursor = ''));
  let shownCounts = new Map<string, number>();
  let wanted: Map<string, number> | null = null;
  return {
    setTips(tips) {
      const features: Feature<Point, TipProps>[] = [];
      for (const t of tips) {
        const f = featureOf(t);
        if (f) features.push(f);
      }
      index = new Supercluster<TipProps>(CLUSTER).load(features);
      draw();
    },
    setChoropleth(counts) {
      wanted = counts;
      if (!counts && !map.getLayer(CHOROPLETH_LAYER)) return;
      void base.loadTambonAreas().then(() => {
        // The areas load once; by then a later call may have asked for something else.
        if (wanted !== counts) return;
        addChoropleth(map);
        map.setLayoutProperty(CHOROPLETH_LAYER, 'visibility', counts ? 'visible' : 'none');
        if (!counts) return;
        for (const code of shownCounts.keys())
          if (!counts.has(code)) map.setFeatureState({ source: 'tambon-areas', id: code }, { count: 0 });
        for (const [code, count] of counts) map.setFeatureState({ source: 'tambon-areas', id: code }, { count });
        shownCounts = counts;
      });
    },
    setVisible(on) {
      visible = on;
      map.setLayoutProperty(TIP_LAYER, 'visibility', on ? 'visible' : 'none');
      draw();
    },
  };
}
