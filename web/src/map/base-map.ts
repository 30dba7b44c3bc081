/**
 * The map every view starts from: the offline basemap (or the deployment's tile style,
 * runtime config `basemapStyleUrl`), place names drawn by the browser, navigation and scale.
 * maplibre-gl 6 resolves its worker next to its own module (`import.meta.url`), which a
 * bundle breaks, so the worker file is emitted by Vite and its URL handed to `setWorkerUrl`.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  AttributionControl,
  prewarm,
  setWorkerUrl,
  type IControl,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { h } from '../dom.js';
import { liveAttr } from '../i18n/i18n.js';
import { loadPlaces } from '../place-names.js';
import { BASEMAP_CREDIT, basemapUrl, offlineStyle, START, OUTSIDE_COLOR, TAMBON_AREA_LINE } from './map-style.js';
import { createPlaceLabels, type PlaceLabels } from './place-labels.js';

setWorkerUrl(workerUrl);
// The worker starts now, while the map below creates its WebGL context (hundreds of ms in
// software GL), not once the style asks for it: it still has its own 500 KB to parse.
prewarm();

export interface BaseMap {
  map: MapLibreMap;
  /**
   * Resolves once the style is parsed and the app's sources can be added: before the basemap
   * has been drawn, so the app's layers join the first render instead of a second one.
   */
  ready: Promise<void>;
  labels: PlaceLabels | null;
  /**
   * Adds the approximate tambon areas (once) as source `tambon-areas`, with their way-finding
   * lines on the offline basemap; the choropleth needs them too. Resolves once added.
   */
  loadTambonAreas(): Promise<void>;
}

/**
 * The offline basemap's credit, in the look of MapLibre's compact attribution (its classes):
 * shown at first, folded to its button on the first drag, toggled by the button. Not
 * MapLibre's `AttributionControl`, which measures the map on every resize and style change:
 * a forced layout each time, 60–120 ms of a slow phone's start. A tile style keeps that control,
 * which lists whatever its sources credit.
 */
function creditControl(): IControl {
  const SHOWN = 'maplibregl-compact-show';
  const el = h(
    'details',
    { class: `maplibregl-ctrl maplibregl-ctrl-attrib maplibregl-compact ${SHOWN}`, open: true },
    liveAttr(
      liveAttr(h('summary', { class: 'maplibregl-ctrl-attrib-button' }), 'aria-label', 'map.credits'),
      'title',
      'map.credits',
    ),
    h('div', { class: 'maplibregl-ctrl-attrib-inner' }, BASEMAP_CREDIT),
  );
  const summary = el.firstElementChild as HTMLElement;
  // The class shows and hides the credit; the element stays open so the browser never hides it too.
  summary.addEventListener('click', (e) => {
    e.preventDefault();
    el.classList.toggle(SHOWN);
  });
  const fold = () => el.classList.remove(SHOWN);
  let map: MapLibreMap | undefined;
  return {
    onAdd(m) {
      map = m;
      map.once('drag', fold);
      return el;
    },
    onRemove() {
      map?.off('drag', fold);
      el.remove();
    },
  };
}

/** Creates the map in `container`; throws when the device has no WebGL. */
export function createBaseMap(container: HTMLElement, opts: { styleUrl?: string } = {}): BaseMap {
  // The offline style has no background layer; what is not Thailand shows through the canvas.
  if (!opts.styleUrl) container.style.backgroundColor = OUTSIDE_COLOR;
  const map = new MapLibreMap({
    container,
    style: opts.styleUrl ?? offlineStyle(),
    // The offline style is built in code and checked by the browser tests; validating it again
    // on every page load costs a long task on a phone. A deployment's tile style is validated.
    validateStyle: Boolean(opts.styleUrl),
    ...START,
    attributionControl: false,
    // Phones scroll the page with one finger; two move the map.
    cooperativeGestures: false,
  });
  liveAttr(map.getCanvas(), 'aria-label', 'map.canvasLabel');
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(opts.styleUrl ? new AttributionControl({ compact: true }) : creditControl(), 'bottom-right');
  const ready = new Promise<void>((done) => map.once('style.load', () => done()));
  // A tile basemap brings its own names; the offline one needs ours.
  const labels = opts.styleUrl ? null : createPlaceLabels(map);
  if (labels) void loadPlaces().then((places) => places && labels.setPlaces(places));
  let areas: Promise<void> | undefined;
  const loadTambonAreas = () =>
    (areas ??= ready.then(() => {
      map.addSource('tambon-areas', {
        type: 'geojson',
        data: basemapUrl('basemap/tambon-areas.geojson'),
        promoteId: 'code',
      });
      if (!opts.styleUrl) map.addLayer(TAMBON_AREA_LINE, 'province-line');
    }));
  if (!opts.styleUrl) {
    // Way-finding lines appear from zoom 9; fetch the areas only when someone gets there.
    const onZoom = () => {
      if (map.getZoom() < 9) return;
      map.off('zoomend', onZoom);
      void loadTambonAreas();
    };
    map.on('zoomend', onZoom);
  }
  map.on('error', (e) => {
    // A listener silences MapLibre's own report; keep the error visible to tests and devtools.
    console.error(e.error);
  });
  return { map, ready, labels, loadTambonAreas };
}

/** 5 decimals ≈ 1 m: more would be false precision from a tap. */
export function roundDeg(deg: number): number {
  return Math.round(deg * 1e5) / 1e5;
}
