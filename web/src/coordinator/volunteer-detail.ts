/**
 * One volunteer opened from the list: an edit form (`PATCH /api/volunteers/{id}`, only the
 * changed fields; a 409 reloads the latest profile) and the delivery log that
 * `GET /api/volunteers/{id}` returns with the profile.
 */
import type { Alert, Volunteer } from '../../../shared/types.js';
import { ApiError, api } from '../api.js';
import { field, h, replaceChildren } from '../dom.js';
import { deliveryLogTable } from './coordinator-lists.js';
import { failure } from './tips-section.js';
import { formValuesOf, volunteerPatch, type VolunteerFormValues } from './volunteer-patch.js';

type Profile = Volunteer & { alerts: Alert[] };

export interface VolunteerDetail {
  element: HTMLElement;
  /** Loads and shows the volunteer; resolves once shown (or the failure is). */
  open(id: string): Promise<void>;
  /** The id shown, if any. */
  shownId(): string | undefined;
  clear(): void;
}

function option(value: string, label: string, current: string): HTMLOptionElement {
  return h('option', { value, selected: value === current }, label);
}

function editControls(v: Volunteer) {
  const f = formValuesOf(v);
  return {
    name: h('input', { name: 'name', type: 'text', value: f.name, autocomplete: 'off' }),
    phone: h('input', { name: 'phone', type: 'tel', value: f.phone, autocomplete: 'off' }),
    radiusKm: h('input', { name: 'radiusKm', type: 'number', min: 0.5, max: 50, step: 0.5, value: f.radiusKm }),
    language: h(
      'select',
      { name: 'language' },
      option('th', 'ไทย (Thai)', f.language),
      option('ms', 'Bahasa Melayu (Rumi)', f.language),
      option('en', 'English', f.language),
    ),
    quietStart: h('input', { name: 'quietStart', type: 'time', value: f.quietStart }),
    quietEnd: h('input', { name: 'quietEnd', type: 'time', value: f.quietEnd }),
    status: h(
      'select',
      { name: 'status' },
      option('active', 'active · รับ SMS', f.status),
      option('opted_out', 'opted out · ยกเลิกแล้ว', f.status),
    ),
  };
}

type Controls = ReturnType<typeof editControls>;

const valuesOf = (c: Controls): VolunteerFormValues => ({
  name: c.name.value,
  phone: c.phone.value,
  radiusKm: c.radiusKm.value,
  language: c.language.value,
  quietStart: c.quietStart.value,
  quietEnd: c.quietEnd.value,
  status: c.status.value,
});

function errorText(err: unknown): string {
  if (err instanceof ApiError && err.status === 409) {
    return 'Someone else changed this volunteer at the same time; the latest version is shown, check it and save again. · มีผู้อื่นแก้ไขพร้อมกัน';
  }
  const fields =
    err instanceof ApiError && err.fields
      ? Object.entries(err.fields)
          .map(([k, m]) => `${k}: ${m}`)
          .join(' · ')
      : '';
  return `${(err as Error).message}${fields ? ` · ${fields}` : ''}`;
}

/** Builds the section; `token` is read on every call, `onSaved` refreshes the lists. */
export function createVolunteerDetail(token: () => string, onSaved: () => void): VolunteerDetail {
  const element = h('section', { class: 'coord-section volunteer-detail', 'aria-label': 'Volunteer detail' });
  let shown: string | undefined;

  const render = (p: Profile, message?: { ok: boolean; text: string }) => {
    const c = editControls(p);
    const result = h(
      'p',
      { class: message ? `result ${message.ok ? 'ok' : 'error'}` : 'result', role: 'status', 'aria-live': 'polite' },
      message?.text,
    );
    const form = h(
      'form',
      { class: 'volunteer-edit', novalidate: true },
      h('h3', {}, `Edit ${p.name} · แก้ไขข้อมูล`),
      h('div', { class: 'row' }, field('Name · ชื่อ', c.name), field('Phone · โทรศัพท์', c.phone)),
      h(
        'div',
        { class: 'row' },
        field('Radius km · รัศมี กม.', c.radiusKm),
        field('SMS language · ภาษา', c.language),
        field('Status · สถานะ', c.status),
      ),
      h('div', { class: 'row' }, field('Quiet from · งดส่งตั้งแต่', c.quietStart), field('Quiet until · ถึง', c.quietEnd)),
      h(
        'p',
        { class: 'muted' },
        'Quiet hours are Bangkok time; critical alerts still go through. Empty both to remove them.',
      ),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit' }, 'Save · บันทึก'),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              shown = undefined;
              replaceChildren(element);
            },
          },
          'Close · ปิด',
        ),
      ),
      result,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void save(p, valuesOf(c), result);
    });
    replaceChildren(element, form, deliveryLogTable(p.alerts));
  };

  const fetchProfile = (id: string) => api<Profile>(`/api/volunteers/${encodeURIComponent(id)}`, { token: token() });

  const save = async (p: Profile, values: VolunteerFormValues, result: HTMLElement) => {
    const patch = volunteerPatch(p, values);
    if (!Object.keys(patch).length) {
      result.className = 'result';
      result.textContent = 'Nothing changed. · ไม่มีการเปลี่ยนแปลง';
      return;
    }
    try {
      const saved = await api<Volunteer>(`/api/volunteers/${encodeURIComponent(p.id)}`, {
        method: 'PATCH',
        body: patch,
        token: token(),
      });
      render({ ...saved, alerts: p.alerts }, { ok: true, text: `Saved · บันทึกแล้ว: ${saved.name} (${saved.phone})` });
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const latest = await fetchProfile(p.id).catch(() => p);
        return render(latest, { ok: false, text: errorText(err) });
      }
      result.className = 'result error';
      result.textContent = errorText(err);
    }
  };

  return {
    element,
    async open(id) {
      shown = id;
      try {
        render(await fetchProfile(id));
      } catch (err) {
        replaceChildren(element, failure('Volunteer', err));
      }
      element.scrollIntoView({ block: 'nearest' });
    },
    shownId: () => shown,
    clear() {
      shown = undefined;
      replaceChildren(element);
    },
  };
}
