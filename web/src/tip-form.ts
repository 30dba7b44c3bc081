/**
 * The public tip form: text, category, optional address, optional exact point (my location or
 * a point picked on the map), optional contact with consent. Posts `POST /api/tips` with an
 * `Idempotency-Key` kept across retries of the same submission.
 */
import type { GeocodeResult, LatLon } from '../../shared/types.js';
import { ApiError, api } from './api.js';
import { CATEGORY_OPTIONS } from './categories.js';
import { field, h, replaceChildren } from './dom.js';
import { placeName } from './format.js';
import { SubmissionKey } from './submission-key.js';

type LocationMode = 'none' | 'gps' | 'map';

interface TipResponse {
  id: string;
  receivedAt: string;
  geocode: GeocodeResult;
}

/** What the form shows once the server has the tip. */
function successMessage(res: TipResponse): string {
  const g = res.geocode;
  const place =
    g.precision === 'none'
      ? 'No place recognised; the tip is stored anyway. · ไม่พบสถานที่ แต่ได้บันทึกเบาะแสแล้ว'
      : `Place found · พบสถานที่: ${placeName(g.admin)} (${g.precision})`;
  return `Thank you, your tip was received · ขอบคุณ ได้รับเบาะแสแล้ว. ${place}`;
}

function errorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return 'Something went wrong; please try again.';
  const fields = err.fields ? Object.entries(err.fields).map(([k, v]) => `${k}: ${v}`) : [];
  return [err.message, ...fields].join(' · ');
}

export interface TipForm {
  setPick(point: LatLon): void;
}

/** Builds the form inside `form`. */
export function createTipForm(form: HTMLFormElement): TipForm {
  const keys = new SubmissionKey();
  let picked: LatLon | null = null;
  let gps: (LatLon & { accuracyM?: number }) | null = null;
  let mode: LocationMode = 'none';

  const text = h('textarea', { name: 'text', required: true, maxlength: 5000, rows: 4 });
  const category = h('select', { name: 'category' }, ...CATEGORY_OPTIONS.map((o) =>
    h('option', { value: o.value, selected: o.value === 'other' }, o.label)));
  const address = h('input', { name: 'address', type: 'text', autocomplete: 'off' });
  const where = h('p', { class: 'muted', 'aria-live': 'polite' }, 'No exact point: the place is read from your text. · ไม่ระบุพิกัด');
  const phone = h('input', { name: 'phone', type: 'tel', autocomplete: 'off' });
  const consent = h('input', { name: 'consent', type: 'checkbox' });
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Send tip · ส่งเบาะแส');

  const showWhere = () => {
    const p = mode === 'gps' ? gps : mode === 'map' ? picked : null;
    where.textContent =
      mode === 'none' ? 'No exact point: the place is read from your text and address. · ไม่ระบุพิกัด'
      : p ? `Point · พิกัด: ${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`
      : mode === 'map' ? 'Click the map to pick the point. · คลิกแผนที่เพื่อเลือกจุด'
      : 'Finding your location… · กำลังหาตำแหน่ง';
  };
  const locate = () => {
    if (!('geolocation' in navigator)) return void (where.textContent = 'This browser cannot share a location.');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        gps = { lat: pos.coords.latitude, lon: pos.coords.longitude, accuracyM: Math.round(pos.coords.accuracy) };
        showWhere();
      },
      () => void (where.textContent = 'Location not available; pick a point on the map or describe the place.'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  const radio = (value: LocationMode, label: string) =>
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'where', value, checked: value === 'none', onchange: () => {
      mode = value;
      if (value === 'gps' && !gps) locate();
      showWhere();
    } }), label);

  const body = () => {
    const point = mode === 'gps' ? gps : mode === 'map' ? picked : null;
    return {
      text: text.value.trim(),
      category: category.value,
      channel: 'web',
      ...(address.value.trim() ? { address: address.value.trim() } : {}),
      ...(point ? { location: point } : {}),
      ...(phone.value.trim() ? { contact: { phone: phone.value.trim(), consentToContact: consent.checked } } : {}),
    };
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const payload = body();
    if (!payload.text) {
      result.className = 'result error';
      result.textContent = 'Please describe what you saw. · กรุณาเล่าสิ่งที่พบเห็น';
      return text.focus();
    }
    submit.disabled = true;
    result.className = 'result';
    result.textContent = 'Sending… · กำลังส่ง';
    try {
      const res = await api<TipResponse>('/api/tips', { body: payload, headers: { 'idempotency-key': keys.keyFor(payload) } });
      keys.done();
      form.reset();
      mode = 'none';
      showWhere();
      result.className = 'result ok';
      result.textContent = successMessage(res);
    } catch (err) {
      result.className = 'result error';
      result.textContent = errorMessage(err);
    } finally {
      submit.disabled = false;
    }
  });

  replaceChildren(
    form,
    field('What did you see? (required) · สิ่งที่พบเห็น (จำเป็น)', text, 'Do not write your own name. · ไม่ต้องใส่ชื่อของคุณ'),
    field('Kind of case · ประเภท', category),
    field('Where? (village, tambon, amphoe) · สถานที่', address),
    h('fieldset', {}, h('legend', {}, 'Exact point (optional) · พิกัด (ไม่บังคับ)'),
      radio('none', 'No exact point · ไม่ระบุ'), radio('gps', 'Use my location · ใช้ตำแหน่งของฉัน'),
      radio('map', 'Point picked on the map · จุดที่เลือกบนแผนที่'), where),
    h('fieldset', {}, h('legend', {}, 'Contact (optional) · ติดต่อกลับ (ไม่บังคับ)'),
      h('p', { class: 'warning' }, 'Only if it is safe: we never text you unless you tick the box, and your number is never shown publicly. · ให้เบอร์เฉพาะเมื่อปลอดภัย'),
      field('Phone · โทรศัพท์', phone),
      h('label', { class: 'choice' }, consent, 'You may contact me · ติดต่อกลับได้')),
    submit,
    result,
  );
  return {
    setPick(point) {
      picked = point;
      if (mode === 'map') showWhere();
    },
  };
}
