/**
 * The public view's map, loaded apart from the view so the list of risk areas and the tip
 * form are on screen while MapLibre downloads: the basemap, the hotspots, their popup.
 */
import type { PublicHotspotCollection, PublicHotspotFeature } from '../../../shared/api/wire.js';
import { createBaseMap, type BaseMap } from '../map/base-map.js';
import { featureBounds } from '../map/feature-bounds.js';
import { addHotspotLayers, type HotspotLayers } from '../map/hotspot-layers.js';
import { showHotspotPopup } from './hotspot-popup.js';

export interface PublicMap {
  base: BaseMap;
  setHotspots(fc: PublicHotspotCollection): void;
  focus(f: PublicHotspotFeature): void;
}

/** Creates the map in `el`; throws without WebGL. `pick` hears about a hotspot clicked. */
export function createPublicMap(
  el: HTMLElement,
  styleUrl: string | undefined,
  find: (id: string) => PublicHotspotFeature | undefined,
  pick: (f: PublicHotspotFeature) => void,
): PublicMap {
  const base = createBaseMap(el, { styleUrl });
  const map = base.map;
  let layers: HotspotLayers | undefined;
  let data: PublicHotspotCollection | undefined;
  let selected: string | undefined;
  Object.assign(window, { phithak: { map, ready: base.ready, view: 'public' } });
  void base.ready.then(() => {
    layers = addHotspotLayers(map, 'hotspot', undefined, data);
    if (selected) layers.select(selected);
    for (const id of layers.clickable) {
      map.on('click', id, (e) => {
        const f = find(String(e.features?.[0]?.properties?.id));
        if (!f) return;
        pick(f);
        showHotspotPopup(map, f, [e.lngLat.lng, e.lngLat.lat]);
      });
      map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
    }
  });
  return {
    base,
    setHotspots(fc) {
      data = fc;
      layers?.set(fc);
    },
    focus(f) {
      selected = f.properties.id;
      layers?.select(selected);
      const b = featureBounds(f);
      if (b) map.fitBounds(b, { padding: 60, maxZoom: 13, duration: 600 });
    },
  };
}
