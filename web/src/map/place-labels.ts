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

/** The gazetteer's rows as labels, in priority order: provinces, then amphoes, then tambons. */
function toLabels(places: BasemapPlaces): Label[] {
  const row = (kind: Label['kind']) => (r: [string, string, string, number, number, ...unknown[]]) => ({
    key: `${kind}:${r[0]}`,
    kind,
    th: r[1],
    en: r[2],
    lat: r[3],
    lon: r[4],
  });
  return [
    ...places.provinces.map(row('province')),
    ...places.amphoes.map(row('amphoe')),
    ...places.tambons.map(row('tambon')),
  ];
}

/** The spans in `layer` by key, kept between frames so a move rewrites transforms, not elements. */
function labelSpans(layer: HTMLElement) {
  const shown = new Map<string, HTMLElement>();
  return {
    /** The span for `key`, made on first use, with its class and text brought up to date. */
    get(key: string, className: string, text: string): HTMLElement {
      let el = shown.get(key);
      if (!el) {
        el = document.createElement('span');
        shown.set(key, el);
        layer.appendChild(el);
      }
      el.className = className;
      if (el.textContent !== text) el.textContent = text;
      return el;
    },
    /** Removes every span whose key was not drawn this frame. */
    keepOnly(keep: Set<string>): void {
      for (const [key, el] of shown) {
        if (keep.has(key)) continue;
        el.remove();
        shown.delete(key);
      }
    },
  };
}

type Box = [number, number, number, number];

/** The label's box around `p`, or none when it leaves the `width`×`height` view or overlaps one in `taken`. */
function freeBox(
  p: { x: number; y: number },
  text: string,
  kind: Label['kind'],
  width: number,
  height: number,
  taken: Box[],
): Box | undefined {
  const { w, h } = boxOf(text, kind);
  const box: Box = [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
  if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) return undefined;
  if (taken.some((t) => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1])) return undefined;
  return box;
}

/** Adds the overlay to `map`; it follows every move and the language switch. */
export function createPlaceLabels(map: MapLibreMap): PlaceLabels {
  const layer = document.createElement('div');
  layer.className = 'place-labels';
  layer.setAttribute('aria-hidden', 'true');
  map.getContainer().appendChild(layer);
  let labels: Label[] = [];
  let extra: ExtraLabel[] = [];
  const spans = labelSpans(layer);
  let frame: number | undefined;

  const draw = () => {
    frame = undefined;
    const zoom = map.getZoom();
    const bounds = map.getBounds();
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const taken: Box[] = [];
    const keep = new Set<string>();
    const roman = language() !== 'th';
    for (const e of extra) {
      const p = map.project([e.lon, e.lat]);
      spans.get(e.key, e.className, e.text).style.transform = `translate(${p.x}px, ${p.y}px) translate(-50%, -50%)`;
      keep.add(e.key);
    }
    for (const l of labels) {
      const [min, max] = ZOOMS[l.kind];
      if (zoom < min || zoom >= max || !bounds.contains([l.lon, l.lat])) continue;
      const text = roman && l.en ? l.en : l.th;
      const p = map.project([l.lon, l.lat]);
      const box = freeBox(p, text, l.kind, width, height, taken);
      if (!box) continue;
      taken.push(box);
      spans.get(l.key, `place-label ${l.kind}`, text).style.transform =
        `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -50%)`;
      keep.add(l.key);
    }
    spans.keepOnly(keep);
  };
  const schedule = () => {
    if (frame === undefined) frame = requestAnimationFrame(draw);
  };
  map.on('move', schedule);
  map.on('resize', schedule);
  onLanguageChange(schedule);

  return {
    setPlaces(places) {
      labels = toLabels(places);
      schedule();
    },
    setExtra(next) {
      extra = next;
      schedule();
    },
  };
}
