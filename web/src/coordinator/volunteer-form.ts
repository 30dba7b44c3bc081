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

/** The form's controls, filled from `existing` when editing. */
interface Inputs {
  name: HTMLInputElement;
  phone: HTMLInputElement;
  language: HTMLSelectElement;
  radius: HTMLInputElement;
  quietStart: HTMLInputElement;
  quietEnd: HTMLInputElement;
  lat: HTMLInputElement;
  lon: HTMLInputElement;
  status: HTMLSelectElement;
}

const numberInput = (name: string, value: number | string) =>
  h('input', { name, type: 'number', step: 'any', inputmode: 'decimal', value });

function createInputs(existing: VolunteerProfile | null): Inputs {
  const v = existing ? formValuesOf(existing) : null;
  return {
    name: h('input', { name: 'name', required: true, maxlength: 100, autocomplete: 'off', value: v?.name ?? '' }),
    phone: h('input', { name: 'phone', type: 'tel', required: true, autocomplete: 'off', value: v?.phone ?? '' }),
    language: h(
      'select',
      { name: 'language' },
      ...LANGUAGES.map((l) => h('option', { value: l, lang: l, selected: l === (v?.language ?? 'th') }, NATIVE[l])),
    ),
    radius: h('input', {
      name: 'radiusKm',
      type: 'number',
      min: 0.5,
      max: 50,
      step: 0.5,
      value: v?.radiusKm ?? '5',
      inputmode: 'decimal',
    }),
    quietStart: h('input', { name: 'quietStart', type: 'time', value: v?.quietStart ?? '' }),
    quietEnd: h('input', { name: 'quietEnd', type: 'time', value: v?.quietEnd ?? '' }),
    lat: numberInput('lat', existing?.location.lat ?? ''),
    lon: numberInput('lon', existing?.location.lon ?? ''),
    status: h(
      'select',
      { name: 'status' },
      h('option', { value: 'active', selected: existing?.status !== 'opted_out' }, live('coord.volActive')),
      h('option', { value: 'opted_out', selected: existing?.status === 'opted_out' }, live('coord.volOptedOut')),
    ),
  };
}

/** The message for the fields the API refused, most telling first; null when none is known. */
export function fieldError(fields: Record<string, string> | undefined): MessageKey | null {
  if (!fields) return null;
  if (Object.keys(fields).some((k) => k.startsWith('location'))) return 'coord.locationRefused';
  if (fields.phone) return 'coord.phoneRefused';
  if (fields.radiusKm) return 'coord.radiusRefused';
  return null;
}

/** Sends the form: a patch of what changed for `existing` (nothing sent when nothing did), else a registration. */
async function save(existing: VolunteerProfile | null, i: Inputs): Promise<VolunteerProfile> {
  const location = { lat: Number(i.lat.value), lon: Number(i.lon.value) };
  if (existing) {
    const values: VolunteerFormValues = {
      name: i.name.value,
      phone: i.phone.value,
      radiusKm: i.radius.value,
      language: i.language.value,
      quietStart: i.quietStart.value,
      quietEnd: i.quietEnd.value,
      status: i.status.value,
    };
    const patch = volunteerPatch(existing, values);
    if (location.lat !== existing.location.lat || location.lon !== existing.location.lon) patch.location = location;
    return Object.keys(patch).length ? endpoints.patchVolunteer(existing.id, patch) : existing;
  }
  const quiet =
    i.quietStart.value && i.quietEnd.value ? { quietHours: { start: i.quietStart.value, end: i.quietEnd.value } } : {};
  return endpoints.createVolunteer({
    name: i.name.value.trim(),
    phone: i.phone.value.trim(),
    language: i.language.value,
    radiusKm: Number(i.radius.value),
    location,
    ...quiet,
  });
}

/** Says why the save failed: in the result line, and beside the home point when that was refused. */
function showFailure(err: unknown, result: HTMLElement, locationError: HTMLElement): void {
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

/** Lays the controls out: the status only when editing. */
function layout(
  i: Inputs,
  existing: VolunteerProfile | null,
  extra: { locationError: HTMLElement; result: HTMLElement; cancel: () => void },
): HTMLFormElement {
  return h(
    'form',
    { class: 'volunteer-form card', novalidate: true },
    h('h3', {}, live(existing ? 'coord.editVolunteer' : 'coord.registerVolunteer')),
    field(live('coord.volName'), i.name),
    field(live('coord.volPhone'), i.phone, live('coord.volPhoneHint')),
    h('div', { class: 'row' }, field(live('coord.volLanguage'), i.language), field(live('coord.volRadius'), i.radius)),
    h(
      'div',
      { class: 'row' },
      field(live('coord.quietStart'), i.quietStart),
      field(live('coord.quietEnd'), i.quietEnd),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, live('coord.homePoint')),
      h('p', { class: 'muted' }, live('coord.homePointHint')),
      h('div', { class: 'row' }, field(live('coord.lat'), i.lat), field(live('coord.lon'), i.lon)),
      extra.locationError,
    ),
    existing ? field(live('coord.volStatus'), i.status) : null,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit' }, live('common.save')),
      h('button', { type: 'button', class: 'secondary', onclick: extra.cancel }, live('common.cancel')),
    ),
    extra.result,
  );
}

/** Builds the form: `existing` edits that volunteer, otherwise it registers a new one. */
export function createVolunteerForm(
  existing: VolunteerProfile | null,
  done: (v: VolunteerProfile) => void,
  cancel: () => void,
): VolunteerForm {
  const inputs = createInputs(existing);
  const locationError = h('p', { class: 'error location-error', role: 'alert', hidden: true });
  const result = h('div', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const form = layout(inputs, existing, { locationError, result, cancel });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    locationError.hidden = true;
    result.className = 'result';
    replaceChildren(result, live('common.sending'));
    try {
      const saved = await save(existing, inputs);
      result.className = 'result ok';
      replaceChildren(
        result,
        live(() => t('coord.volSaved', { name: saved.name, phone: saved.phone })),
      );
      done(saved);
    } catch (err) {
      showFailure(err, result, locationError);
    }
  });
  return {
    element: form,
    setPoint(p) {
      inputs.lat.value = String(p.lat);
      inputs.lon.value = String(p.lon);
    },
  };
}
