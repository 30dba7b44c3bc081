/** Registers a volunteer: `POST /api/volunteers {name, phone, location, radiusKm, language}`. */
import type { LatLon } from '../../../shared/types.js';
import { ApiError, api } from '../api.js';
import { field, h } from '../dom.js';
import { SubmissionKey } from '../submission-key.js';

export interface VolunteerForm {
  element: HTMLFormElement;
  setPick(point: LatLon): void;
}

/** `onCreated` runs after a 201 so the list can reload. */
export function createVolunteerForm(token: () => string, onCreated: () => void): VolunteerForm {
  const keys = new SubmissionKey();
  const name = h('input', { name: 'name', type: 'text', required: true, autocomplete: 'off' });
  const phone = h('input', {
    name: 'phone',
    type: 'tel',
    required: true,
    autocomplete: 'off',
    placeholder: '081 234 5678',
  });
  const lat = h('input', { name: 'lat', type: 'number', step: 'any', required: true });
  const lon = h('input', { name: 'lon', type: 'number', step: 'any', required: true });
  // 10 km: roughly one amphoe around the volunteer's village.
  const radius = h('input', {
    name: 'radiusKm',
    type: 'number',
    min: 0.5,
    max: 50,
    step: 0.5,
    value: 10,
    required: true,
  });
  const language = h(
    'select',
    { name: 'language' },
    h('option', { value: 'th' }, 'ไทย (Thai)'),
    h('option', { value: 'ms' }, 'Bahasa Melayu (Rumi)'),
    h('option', { value: 'en' }, 'English'),
  );
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const element = h(
    'form',
    { class: 'volunteer-form', novalidate: true },
    h('h3', {}, 'Register a volunteer · ลงทะเบียนอาสาสมัคร'),
    field('Name · ชื่อ', name),
    field('Phone · โทรศัพท์', phone),
    h('div', { class: 'row' }, field('Latitude · ละติจูด', lat), field('Longitude · ลองจิจูด', lon)),
    h('p', { class: 'muted' }, 'Click the map to fill the home point. · คลิกแผนที่เพื่อระบุที่อยู่'),
    h('div', { class: 'row' }, field('Radius km · รัศมี กม.', radius), field('SMS language · ภาษา', language)),
    h('button', { type: 'submit' }, 'Register · ลงทะเบียน'),
    result,
  );

  element.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      name: name.value.trim(),
      phone: phone.value.trim(),
      location: { lat: Number(lat.value), lon: Number(lon.value) },
      radiusKm: Number(radius.value),
      language: language.value,
    };
    if (!body.name || !body.phone || lat.value === '' || lon.value === '') {
      result.className = 'result error';
      result.textContent = 'Name, phone and a home point are needed. · กรุณากรอกชื่อ เบอร์ และพิกัด';
      return;
    }
    try {
      const res = await api<{ id: string; phone?: string }>('/api/volunteers', {
        body,
        token: token(),
        headers: { 'idempotency-key': keys.keyFor(body) },
      });
      keys.done();
      element.reset();
      result.className = 'result ok';
      result.textContent = `Registered · ลงทะเบียนแล้ว: ${body.name}${res.phone ? ` (${res.phone})` : ''}`;
      onCreated();
    } catch (err) {
      result.className = 'result error';
      const fields = err instanceof ApiError && err.fields ? Object.values(err.fields).join(' · ') : '';
      result.textContent = `${err instanceof ApiError ? err.message : 'Failed.'}${fields ? ` · ${fields}` : ''}`;
    }
  });
  return {
    element,
    setPick(point) {
      lat.value = String(point.lat);
      lon.value = String(point.lon);
    },
  };
}
