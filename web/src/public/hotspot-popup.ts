/** The popup shown when a hotspot is clicked on the public map: text nodes only. */
import { Popup, type Map as MapLibreMap } from 'maplibre-gl';
import type { PublicHotspotFeature } from '../../../shared/api/wire.js';
import { h } from '../dom.js';
import { live } from '../i18n/i18n.js';
import { formatDate, placeWords } from '../format.js';
import { hotspotFacts } from './hotspot-list.js';

let open: Popup | undefined;

/** Opens the popup for `f` at `lngLat`, closing any other. */
export function showHotspotPopup(map: MapLibreMap, f: PublicHotspotFeature, lngLat: [number, number]): void {
  open?.remove();
  const p = f.properties;
  const content = h(
    'div',
    { class: 'hotspot-popup' },
    h(
      'strong',
      {},
      live(() => placeWords(p.admin)),
    ),
    h(
      'p',
      {},
      live(() => hotspotFacts(p)),
    ),
    h(
      'p',
      { class: 'muted' },
      live('hotspot.since'),
      ' ',
      live(() => formatDate(p.firstSeen)),
    ),
  );
  open = new Popup({ closeButton: true, maxWidth: '280px' }).setLngLat(lngLat).setDOMContent(content).addTo(map);
}
