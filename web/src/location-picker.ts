/**
 * The tip form's optional exact point: none (the place is read from the text), the device's
 * location, or the point last clicked on the map.
 */
import type { LatLon } from '../../shared/types.js';
import { h } from './dom.js';

type Mode = 'none' | 'gps' | 'map';
export type PickedPoint = LatLon & { accuracyM?: number };

export interface LocationPicker {
  element: HTMLFieldSetElement;
  /** The point to send, or null for none (or not yet known). */
  point(): PickedPoint | null;
  setMapPoint(point: LatLon): void;
  reset(): void;
}

const NONE_TEXT = 'No exact point: the place is read from your text and address. · ไม่ระบุพิกัด';

/** Builds the fieldset; geolocation is only asked for when the reporter chooses it. */
export function createLocationPicker(): LocationPicker {
  let mode: Mode = 'none';
  let gps: PickedPoint | null = null;
  let picked: LatLon | null = null;
  const where = h('p', { class: 'muted', 'aria-live': 'polite' }, NONE_TEXT);
  const point = () => (mode === 'gps' ? gps : mode === 'map' ? picked : null);
  const show = () => {
    const p = point();
    where.textContent =
      mode === 'none'
        ? NONE_TEXT
        : p
          ? `Point · พิกัด: ${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`
          : mode === 'map'
            ? 'Click the map to pick the point. · คลิกแผนที่เพื่อเลือกจุด'
            : 'Finding your location… · กำลังหาตำแหน่ง';
  };
  const locate = () => {
    if (!('geolocation' in navigator)) return void (where.textContent = 'This browser cannot share a location.');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        gps = { lat: pos.coords.latitude, lon: pos.coords.longitude, accuracyM: Math.round(pos.coords.accuracy) };
        show();
      },
      () => void (where.textContent = 'Location not available; pick a point on the map or describe the place.'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  const radio = (value: Mode, label: string) =>
    h(
      'label',
      { class: 'choice' },
      h('input', {
        type: 'radio',
        name: 'where',
        value,
        checked: value === 'none',
        onchange: () => {
          mode = value;
          if (value === 'gps' && !gps) locate();
          show();
        },
      }),
      label,
    );
  const element = h(
    'fieldset',
    {},
    h('legend', {}, 'Exact point (optional) · พิกัด (ไม่บังคับ)'),
    radio('none', 'No exact point · ไม่ระบุ'),
    radio('gps', 'Use my location · ใช้ตำแหน่งของฉัน'),
    radio('map', 'Point picked on the map · จุดที่เลือกบนแผนที่'),
    where,
  );
  return {
    element,
    point,
    setMapPoint(p) {
      picked = p;
      if (mode === 'map') show();
    },
    reset() {
      mode = 'none';
      show();
    },
  };
}
