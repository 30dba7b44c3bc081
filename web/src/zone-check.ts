/**
 * Patrol check: "is this spot inside a risk zone, how close is the nearest, which tambon?"
 * A point from the map or typed lat/lon goes to `GET /api/zones/check`.
 */
import type { AdminArea, LatLon, RiskLevel } from '../../shared/types.js';
import { ApiError, api, qs } from './api.js';
import { field, h, replaceChildren } from './dom.js';
import { RISK_LABELS, formatKm, placeName } from './format.js';

interface ZoneCheck {
  inRiskZone: boolean;
  riskLevel: RiskLevel | null;
  hotspotId?: string;
  nearestHotspotKm: number | null;
  admin: AdminArea | null;
}

function describe(res: ZoneCheck): HTMLElement[] {
  const verdict = res.inRiskZone
    ? h(
        'p',
        { class: `verdict in-zone risk-${res.riskLevel}` },
        `Inside a risk zone · อยู่ในพื้นที่เสี่ยง: ${RISK_LABELS[res.riskLevel as RiskLevel] ?? res.riskLevel}`,
      )
    : h('p', { class: 'verdict out-zone' }, 'Not inside a risk zone · ไม่อยู่ในพื้นที่เสี่ยง');
  return [
    verdict,
    h(
      'p',
      {},
      `Nearest hotspot · จุดเสี่ยงใกล้สุด: ${res.nearestHotspotKm === null ? 'none · ไม่มี' : formatKm(res.nearestHotspotKm)}`,
    ),
    h('p', {}, `Place · สถานที่: ${placeName(res.admin)}`),
  ];
}

export interface ZoneCheckForm {
  /** Fills the form with a point and checks it. */
  check(point: LatLon): Promise<void>;
}

/** Builds the form inside `form`. */
export function createZoneCheck(form: HTMLFormElement): ZoneCheckForm {
  const lat = h('input', {
    name: 'lat',
    type: 'number',
    step: 'any',
    min: -90,
    max: 90,
    required: true,
    inputmode: 'decimal',
  });
  const lon = h('input', {
    name: 'lon',
    type: 'number',
    step: 'any',
    min: -180,
    max: 180,
    required: true,
    inputmode: 'decimal',
  });
  const result = h('div', { class: 'zone-result', role: 'status', 'aria-live': 'polite' });

  const run = async () => {
    if (lat.value === '' || lon.value === '') {
      return replaceChildren(result, h('p', { class: 'error' }, 'Enter latitude and longitude, or click the map.'));
    }
    replaceChildren(result, h('p', { class: 'muted' }, 'Checking… · กำลังตรวจ'));
    try {
      const res = await api<ZoneCheck>(`/api/zones/check${qs({ lat: lat.value, lon: lon.value })}`);
      replaceChildren(result, ...describe(res));
    } catch (err) {
      replaceChildren(result, h('p', { class: 'error' }, err instanceof ApiError ? err.message : 'Check failed.'));
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  replaceChildren(
    form,
    h('p', { class: 'muted' }, 'Click the map or type a point. · คลิกแผนที่หรือกรอกพิกัด'),
    h('div', { class: 'row' }, field('Latitude · ละติจูด', lat), field('Longitude · ลองจิจูด', lon)),
    h('button', { type: 'submit' }, 'Check · ตรวจ'),
    result,
  );
  return {
    check(point) {
      lat.value = String(point.lat);
      lon.value = String(point.lon);
      return run();
    },
  };
}
