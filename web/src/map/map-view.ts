/**
 * The MapLibre map: offline style, hotspot polygons, a picked point, and focus on one hotspot.
 * maplibre-gl 6 resolves its worker next to its own module (`import.meta.url`), which a
 * bundle breaks, so the worker file is emitted by Vite and its URL handed to `setWorkerUrl`.
 */
import { AttributionControl, GeoJSONSource, Map, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { LatLon } from '../../../shared/types.js';
import { EMPTY, mapStyle } from './map-style.js';
import { featureBounds } from './feature-bounds.js';

setWorkerUrl(workerUrl);

/** Narathiwat town; zoom 8 shows the four border provinces. */
const START = { center: [101.8, 6.4] as [number, number], zoom: 8 };

/** What the map needs of a hotspot: its polygon and stable id. */
export type HotspotFeature = Feature<Polygon | MultiPolygon, { id: string }>;

export interface MapView {
  /** Null when the device cannot draw the map (no WebGL): lists and forms still work. */
  map: Map | null;
  /** Resolves once the style and the basemap are loaded. */
  ready: Promise<void>;
  setHotspots(fc: FeatureCollection<Polygon | MultiPolygon>): void;
  setPick(point: LatLon | null): void;
  focusHotspot(feature: HotspotFeature): void;
  onPick(listener: (point: LatLon) => void): void;
  /** Shows or hides the heatmap of hotspot density. */
  setHeatmap(visible: boolean): void;
}

function centres(fc: FeatureCollection<Polygon | MultiPolygon>): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of fc.features) {
    const b = featureBounds(f);
    if (!b) continue;
    const coordinates = [(b[0][0] + b[1][0]) / 2, (b[0][1] + b[1][1]) / 2];
    features.push({ type: 'Feature', properties: f.properties, geometry: { type: 'Point', coordinates } });
  }
  return { type: 'FeatureCollection', features };
}

/** Creates the map inside `container`. */
export function createMapView(container: HTMLElement): MapView {
  const basemapUrl = new URL('basemap/provinces.geojson', document.baseURI).href;
  const map = new Map({ container, style: mapStyle(basemapUrl), ...START, attributionControl: false });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
  const ready = new Promise<void>((done) => map.once('load', () => done()));
  let selected: string | number | undefined;
  const source = (id: string) => map.getSource(id) as GeoJSONSource | undefined;
  const whenReady = (fn: () => void) => void ready.then(fn);

  return {
    map,
    ready,
    setHotspots(fc) {
      whenReady(() => {
        source('hotspots')?.setData(fc);
        source('hotspot-points')?.setData(centres(fc));
      });
    },
    setPick(point) {
      const data: FeatureCollection = point
        ? {
            type: 'FeatureCollection',
            features: [
              { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [point.lon, point.lat] } },
            ],
          }
        : EMPTY;
      whenReady(() => source('pick')?.setData(data));
    },
    focusHotspot(feature) {
      const bounds = featureBounds(feature);
      if (bounds) map.fitBounds(bounds, { padding: 80, maxZoom: 14, duration: 800 });
      // A deep link can ask for focus before the style has loaded; feature state needs it.
      whenReady(() => {
        if (selected !== undefined) map.setFeatureState({ source: 'hotspots', id: selected }, { selected: false });
        selected = feature.properties.id;
        map.setFeatureState({ source: 'hotspots', id: selected }, { selected: true });
      });
    },
    setHeatmap(visible) {
      whenReady(() => map.setLayoutProperty('hotspot-heat', 'visibility', visible ? 'visible' : 'none'));
    },
    onPick(listener) {
      map.on('click', (e) => listener({ lat: round(e.lngLat.lat), lon: round(e.lngLat.lng) }));
    },
  };
}

/** A map that draws nothing, for devices without WebGL; everything else keeps working. */
export function fallbackMapView(): MapView {
  const none = () => undefined;
  return {
    map: null,
    ready: Promise.resolve(),
    setHotspots: none,
    setPick: none,
    focusHotspot: none,
    onPick: none,
    setHeatmap: none,
  };
}

/** 5 decimals ≈ 1 m: more would be false precision from a mouse click. */
function round(deg: number): number {
  return Math.round(deg * 1e5) / 1e5;
}
