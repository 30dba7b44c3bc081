/**
 * Composition root of the web app: the map, the hotspot list, the tip form, the patrol check,
 * the public SMS opt-out and the coordinator panel, wired together by the point picked on the map.
 */
import './style.css';
import { createCoordinatorPanel } from './coordinator/coordinator-panel.js';
import { byId } from './dom.js';
import { startHotspotList } from './hotspot-list.js';
import { createMapView, fallbackMapView, type MapView } from './map/map-view.js';
import { createOptOutForm, openOnStopLink } from './opt-out-form.js';
import { createTipForm } from './tip-form.js';
import { createZoneCheck } from './zone-check.js';

const mapStatus = byId('map-status');

function mapOrFallback(): MapView {
  try {
    return createMapView(byId('map'));
  } catch (err) {
    // Old phones without WebGL: say so, and keep the lists, forms and patrol check usable.
    mapStatus.textContent = 'The map cannot be shown on this device. Lists and forms still work. · อุปกรณ์นี้แสดงแผนที่ไม่ได้';
    console.warn('map unavailable', err);
    return fallbackMapView();
  }
}

const view = mapOrFallback();
const tipForm = createTipForm(byId<HTMLFormElement>('tip-form'));
const zoneCheck = createZoneCheck(byId<HTMLFormElement>('zone-form'));
createOptOutForm(byId<HTMLFormElement>('opt-out-form'));
openOnStopLink(byId<HTMLDetailsElement>('optout-panel'));
const coordinator = createCoordinatorPanel(byId('coordinator'));
const reloadHotspots = startHotspotList({ list: byId('hotspot-list'), status: byId('hotspots-status'), view });

view.map?.on('error', (e) => {
  mapStatus.textContent = `Map problem: ${e.error?.message ?? 'unknown'}`;
  // A listener silences MapLibre's own console report; keep the error visible to tests and devtools.
  console.error(e.error);
});

byId<HTMLInputElement>('heatmap-toggle').addEventListener('change', (e) => {
  view.setHeatmap((e.target as HTMLInputElement).checked);
});

view.onPick((point) => {
  view.setPick(point);
  tipForm.setPick(point);
  coordinator.setPick(point);
  // Patrols ask about the spot they tap; a check costs one small GET.
  void zoneCheck.check(point);
});

/** A handle for debugging in the console and for the browser test. */
Object.assign(window, { phithak: { map: view.map, ready: view.ready, reloadHotspots } });
