/**
 * The public tip form: text, category, optional address, optional exact point, optional
 * contact with consent. Posts `POST /api/tips` with an `Idempotency-Key` kept across retries
 * of the same submission; shows the place the server found or its error message.
 */
import type { GeocodeResult, LatLon } from '../../shared/types.js';
import { ApiError, api } from './api.js';
import { CATEGORY_OPTIONS } from './categories.js';
import { field, h, replaceChildren } from './dom.js';
import { bangkokLocalToIso, placeName } from './format.js';
import { createLocationPicker } from './location-picker.js';
import { SubmissionKey } from './submission-key.js';

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

function controls() {
  return {
    text: h('textarea', { name: 'text', required: true, maxlength: 5000, rows: 4 }),
    category: h(
      'select',
      { name: 'category' },
      ...CATEGORY_OPTIONS.map((o) => h('option', { value: o.value, selected: o.value === 'other' }, o.label)),
    ),
    address: h('input', { name: 'address', type: 'text', autocomplete: 'off', maxlength: 500 }),
    occurredAt: h('input', { name: 'occurredAt', type: 'datetime-local' }),
    phone: h('input', { name: 'phone', type: 'tel', autocomplete: 'off' }),
    consent: h('input', { name: 'consent', type: 'checkbox' }),
    result: h('p', { class: 'result', role: 'status', 'aria-live': 'polite' }),
    submit: h('button', { type: 'submit' }, 'Send tip · ส่งเบาะแส'),
  };
}

export interface TipForm {
  setPick(point: LatLon): void;
}

/** Builds the form inside `form`. */
export function createTipForm(form: HTMLFormElement): TipForm {
  const keys = new SubmissionKey();
  const c = controls();
  const location = createLocationPicker();
  const show = (kind: 'ok' | 'error' | '', message: string) => {
    c.result.className = `result ${kind}`.trim();
    c.result.textContent = message;
  };
  const body = () => {
    const point = location.point();
    const phone = c.phone.value.trim();
    const occurredAt = bangkokLocalToIso(c.occurredAt.value);
    return {
      text: c.text.value.trim(),
      category: c.category.value,
      channel: 'web',
      ...(c.address.value.trim() ? { address: c.address.value.trim() } : {}),
      ...(occurredAt ? { occurredAt } : {}),
      ...(point ? { location: point } : {}),
      ...(phone ? { contact: { phone, consentToContact: c.consent.checked } } : {}),
    };
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const payload = body();
    if (!payload.text) {
      show('error', 'Please describe what you saw. · กรุณาเล่าสิ่งที่พบเห็น');
      return c.text.focus();
    }
    c.submit.disabled = true;
    show('', 'Sending… · กำลังส่ง');
    try {
      const res = await api<TipResponse>('/api/tips', {
        body: payload,
        headers: { 'idempotency-key': keys.keyFor(payload) },
      });
      keys.done();
      form.reset();
      location.reset();
      show('ok', successMessage(res));
    } catch (err) {
      show('error', errorMessage(err));
    } finally {
      c.submit.disabled = false;
    }
  });
  replaceChildren(
    form,
    field('What did you see? (required) · สิ่งที่พบเห็น (จำเป็น)', c.text, 'Do not write your own name. · ไม่ต้องใส่ชื่อของคุณ'),
    field('Kind of case · ประเภท', c.category),
    field('Where? (village, tambon, amphoe) · สถานที่', c.address),
    field('When? (optional, Thai time) · เมื่อไร (ไม่บังคับ)', c.occurredAt),
    location.element,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Contact (optional) · ติดต่อกลับ (ไม่บังคับ)'),
      h(
        'p',
        { class: 'warning' },
        'Only if it is safe: we never contact you unless you tick the box, and your number is never shown publicly. · ให้เบอร์เฉพาะเมื่อปลอดภัย',
      ),
      field('Phone · โทรศัพท์', c.phone),
      h('label', { class: 'choice' }, c.consent, 'You may contact me · ติดต่อกลับได้'),
    ),
    c.submit,
    c.result,
  );
  return { setPick: (point) => location.setMapPoint(point) };
}
