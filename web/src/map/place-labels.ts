/**
 * Place names on the map, drawn by the browser as HTML so Thai shapes correctly (MapLibre's
 * glyph renderer cannot place Thai combining marks): provinces when zoomed out, amphoes from
 * zoom 8.5, tambons from 10.5, each at its gazetteer centroid, the larger place first and no
 * two labels overlapping. Extra labels (cluster counts) can be laid on top.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BasemapPlaces } from '../../basemap-places.js';
import { language, onLanguageChange } from '../i18n/i18n.js';

interface Label {
  key: string;
  kind: 'province' | 'amphoe' | 'tambon';
  th: string;
  en: string;
  lat: number;
  lon: number;
}

/** A label the view adds (a cluster count): drawn always, never hidden by collisions. */
export interface ExtraLabel {
  key: string;
  lat: number;
  lon: number;
  text: string;
  className: string;
}

/** Zoom at which each kind appears and disappears. */
const ZOOMS = { province: [0, 9.5], amphoe: [8.5, 13], tambon: [10.5, 24] } as const;

/** Rough label box in px: Thai names average ~7 px a character at 12–14 px type. */
const boxOf = (text: string, kind: Label['kind']) => ({
  w: text.length * (kind === 'province' ? 9 : 7) + 8,
  h: kind === 'province' ? 20 : 16,
});

export interface PlaceLabels {
  setPlaces(places: BasemapPlaces): void;
  setExtra(labels: ExtraLabel[]): void;
}

/** Adds the overlay to `map`; it follows every move and the language switch. */
export function createPlaceLabels(map: MapLibreMap): PlaceLabels {
  const layer = document.createElement('div');
  layer.className = 'place-labels';
  layer.setAttribute('aria-hidden', 'true');
  map.getContainer().appendChild(layer);
  let labels: Label[] = [];
  let extra: ExtraLabel[] = [];
  const shown = new Map<string, HTMLElement>();
  let frame: number | undefined;

  const element = (key: string, className: string, text: string) => {
    let el = shown.get(key);
    if (!el) {
      el = document.createElement('span');
      shown.set(key, el);
      layer.appendChild(el);
    }
    el.className = className;
    if (el.textContent !== text) el.textContent = text;
    return el;
  };

  const draw = () => {
    frame = undefined;
    const zoom = map.getZoom();
    const bounds = map.getBounds();
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const taken: Array<[number, number, number, number]> = [];
    const keep = new Set<string>();
    const roman = language() !== 'th';
    for (const e of extra) {
      const p = map.project([e.lon, e.lat]);
      element(e.key, e.className, e.text).style.transform = `translate(${p.x}px, ${p.y}px) translate(-50%, -50%)`;
      keep.add(e.key);
    }
    for (const l of labels) {
      const [min, max] = ZOOMS[l.kind];
      if (zoom < min || zoom >= max || !bounds.contains([l.lon, l.lat])) continue;
      const text = roman && l.en ? l.en : l.th;
      const p = map.project([l.lon, l.lat]);
      const { w, h } = boxOf(text, l.kind);
      const box: [number, number, number, number] = [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
      if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) continue;
      if (taken.some((t) => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1])) continue;
      taken.push(box);
      element(l.key, `place-label ${l.kind}`, text).style.transform =
        `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -50%)`;
      keep.add(l.key);
    }
    for (const [key, el] of shown) {
      if (keep.has(key)) continue;
      el.remove();
      shown.delete(key);
    }
  };
  const schedule = () => {
    if (frame === undefined) frame = requestAnimationFrame(draw);
  };
  map.on('move', schedule);
  map.on('resize', schedule);
  onLanguageChange(schedule);

  return {
    setPlaces(places) {
      const row = (kind: Label['kind']) => (r: [string, string, string, number, number, ...unknown[]]) => ({
        key: `${kind}:${r[0]}`,
        kind,
        th: r[1],
        en: r[2],
        lat: r[3],
        lon: r[4],
      });
      // Order is priority: provinces, then amphoes, then tambons.
      labels = [
        ...places.provinces.map(row('province')),
        ...places.amphoes.map(row('amphoe')),
        ...places.tambons.map(row('tambon')),
      ];
      schedule();
    },
    setExtra(next) {
      extra = next;
      schedule();
    },
  };
}
