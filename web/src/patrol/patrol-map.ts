/**
 * The patrol view's map, loaded apart from the view so the answer box and the search work
 * while MapLibre downloads (and without it, offline on a device without WebGL): the
 * basemap, the snapshot's hotspots and the spot last checked.
 */
import type { PublicHotspotCollection } from '../../../shared/api/wire.js';
import type { LatLon } from '../../../shared/types.js';
import { createBaseMap, roundDeg } from '../map/base-map.js';
import { addHotspotLayers, type HotspotLayers } from '../map/hotspot-layers.js';
import { addPointLayer, type PointLayer } from '../map/point-layer.js';

export interface PatrolMap {
  setHotspots(fc: PublicHotspotCollection): void;
  show(point: LatLon): void;
}

/** Creates the map in `el` (throws without WebGL); a tap calls `check` with that point. */
export function createPatrolMap(el: HTMLElement, styleUrl: string | undefined, check: (p: LatLon) => void): PatrolMap {
  const base = createBaseMap(el, { styleUrl });
  const map = base.map;
  let layers: HotspotLayers | undefined;
  let marker: PointLayer | undefined;
  let data: PublicHotspotCollection | undefined;
  let last: LatLon | undefined;
  Object.assign(window, { phithak: { map, ready: base.ready, view: 'patrol' } });
  map.on('click', (e) => check({ lat: roundDeg(e.lngLat.lat), lon: roundDeg(e.lngLat.lng) }));
  void base.ready.then(() => {
    layers = addHotspotLayers(map, 'hotspot', undefined, data);
    marker = addPointLayer(map, 'check-point', '#1f5fbf');
    if (last) marker.set([last]);
  });
  return {
    setHotspots(fc) {
      data = fc;
      layers?.set(fc);
    },
    show(point) {
      last = point;
      marker?.set([point]);
      map.easeTo({ center: [point.lon, point.lat], zoom: Math.max(map.getZoom(), 11), duration: 500 });
    },
  };
}
