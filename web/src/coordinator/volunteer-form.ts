/**
 * Register or edit a volunteer: name, phone (any way a person types it; the API stores
 * E.164), SMS language, alert radius, quiet hours and the home point, set by a tap on the
 * map or typed. A home point at sea or outside the service area is refused by the API with
 * `fields.location`; the form says so beside the point.
 */
import type { VolunteerProfile } from '../../../shared/api/wire.js';
import { LANGUAGES, type LatLon } from '../../../shared/types.js';
import { endpoints } from '../api.js';
import { ApiError } from '../http-client.js';
import { field, h, replaceChildren } from '../dom.js';
import { live, t, type MessageKey } from '../i18n/i18n.js';
import { formValuesOf, volunteerPatch, type VolunteerFormValues } from './volunteer-patch.js';

export interface VolunteerForm {
  element: HTMLFormElement;
  setPoint(p: LatLon): void;
}

const NATIVE: Record<string, string> = { th: 'ไทย', ms: 'Melayu', en: 'English' };

/** Builds the form: `existing` edits that volunteer, otherwise it registers a new one. */
export function createVolunteerForm(
  existing: VolunteerProfile | null,
  done: (v: VolunteerProfile) => void,
  cancel: () => void,
): VolunteerForm {
  const v = existing ? formValuesOf(existing) : null;
  const name = h('input', { name: 'name', required: true, maxlength: 100, autocomplete: 'off', value: v?.name ?? '' });
  const phone = h('input', { name: 'phone', type: 'tel', required: true, autocomplete: 'off', value: v?.phone ?? '' });
  const language = h(
    'select',
    { name: 'language' },
    ...LANGUAGES.map((l) => h('option', { value: l, lang: l, selected: l === (v?.language ?? 'th') }, NATIVE[l])),
  );
  const radius = h('input', {
    name: 'radiusKm',
    type: 'number',
    min: 0.5,
    max: 50,
    step: 0.5,
    value: v?.radiusKm ?? '5',
    inputmode: 'decimal',
  });
  const quietStart = h('input', { name: 'quietStart', type: 'time', value: v?.quietStart ?? '' });
  const quietEnd = h('input', { name: 'quietEnd', type: 'time', value: v?.quietEnd ?? '' });
  const lat = h('input', {
    name: 'lat',
    type: 'number',
    step: 'any',
    inputmode: 'decimal',
    value: existing?.location.lat ?? '',
  });
  const lon = h('input', {
    name: 'lon',
    type: 'number',
    step: 'any',
    inputmode: 'decimal',
    value: existing?.location.lon ?? '',
  });
  const status = h(
    'select',
    { name: 'status' },
    h('option', { value: 'active', selected: existing?.status !== 'opted_out' }, live('coord.volActive')),
    h('option', { value: 'opted_out', selected: existing?.status === 'opted_out' }, live('coord.volOptedOut')),
  );
  const locationError = h('p', { class: 'error location-error', role: 'alert', hidden: true });
  const result = h('div', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const fieldError = (fields: Record<string, string> | undefined): MessageKey | null => {
    if (!fields) return null;
    if (Object.keys(fields).some((k) => k.startsWith('location'))) return 'coord.locationRefused';
    if (fields.phone) return 'coord.phoneRefused';
    if (fields.radiusKm) return 'coord.radiusRefused';
    return null;
  };
  const form = h(
    'form',
    { class: 'volunteer-form card', novalidate: true },
    h('h3', {}, live(existing ? 'coord.editVolunteer' : 'coord.registerVolunteer')),
    field(live('coord.volName'), name),
    field(live('coord.volPhone'), phone, live('coord.volPhoneHint')),
    h('div', { class: 'row' }, field(live('coord.volLanguage'), language), field(live('coord.volRadius'), radius)),
    h('div', { class: 'row' }, field(live('coord.quietStart'), quietStart), field(live('coord.quietEnd'), quietEnd)),
    h(
      'fieldset',
      {},
      h('legend', {}, live('coord.homePoint')),
      h('p', { class: 'muted' }, live('coord.homePointHint')),
      h('div', { class: 'row' }, field(live('coord.lat'), lat), field(live('coord.lon'), lon)),
      locationError,
    ),
    existing ? field(live('coord.volStatus'), status) : null,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit' }, live('common.save')),
      h('button', { type: 'button', class: 'secondary', onclick: cancel }, live('common.cancel')),
    ),
    result,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    locationError.hidden = true;
    result.className = 'result';
    replaceChildren(result, live('common.sending'));
    const location = { lat: Number(lat.value), lon: Number(lon.value) };
    try {
      let saved: VolunteerProfile;
      if (existing) {
        const values: VolunteerFormValues = {
          name: name.value,
          phone: phone.value,
          radiusKm: radius.value,
          language: language.value,
          quietStart: quietStart.value,
          quietEnd: quietEnd.value,
          status: status.value,
        };
        const patch = volunteerPatch(existing, values);
        if (location.lat !== existing.location.lat || location.lon !== existing.location.lon) patch.location = location;
        saved = Object.keys(patch).length ? await endpoints.patchVolunteer(existing.id, patch) : existing;
      } else {
        const quiet =
          quietStart.value && quietEnd.value ? { quietHours: { start: quietStart.value, end: quietEnd.value } } : {};
        saved = await endpoints.createVolunteer({
          name: name.value.trim(),
          phone: phone.value.trim(),
          language: language.value,
          radiusKm: Number(radius.value),
          location,
          ...quiet,
        });
      }
      result.className = 'result ok';
      replaceChildren(
        result,
        live(() => t('coord.volSaved', { name: saved.name, phone: saved.phone })),
      );
      done(saved);
    } catch (err) {
      const key = err instanceof ApiError ? fieldError(err.fields) : null;
      const serverText =
        err instanceof ApiError && err.status === 400 ? Object.values(err.fields ?? {}).join('; ') || err.message : '';
      if (key === 'coord.locationRefused') {
        locationError.hidden = false;
        replaceChildren(locationError, live(key), serverText ? ` (${serverText})` : '');
      }
      result.className = 'result error';
      replaceChildren(
        result,
        live(() => t(key ?? (err instanceof ApiError && err.status === 409 ? 'coord.conflict' : 'common.error'))),
        key && key !== 'coord.locationRefused' && serverText ? ` (${serverText})` : '',
      );
    }
  });
  return {
    element: form,
    setPoint(p) {
      lat.value = String(p.lat);
      lon.value = String(p.lon);
    },
  };
}
