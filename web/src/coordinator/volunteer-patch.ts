/**
 * What a coordinator's edit of a volunteer changes, as a `PATCH /api/volunteers/{id}` body:
 * only the fields that differ, so an edit never overwrites a field someone else changed.
 * The server validates and normalises (the phone to E.164); this only compares.
 */
import type { VolunteerProfile as Volunteer } from '../../../shared/api/wire.js';

/** The edit form's raw values, as the inputs hold them. */
export interface VolunteerFormValues {
  name: string;
  phone: string;
  radiusKm: string;
  language: string;
  /** `HH:MM` or '' (no quiet hours). */
  quietStart: string;
  quietEnd: string;
  status: string;
}

/** The form filled from a stored volunteer. */
export function formValuesOf(v: Volunteer): VolunteerFormValues {
  return {
    name: v.name,
    phone: v.phone,
    radiusKm: String(v.radiusKm),
    language: v.language,
    quietStart: v.quietHours?.start ?? '',
    quietEnd: v.quietHours?.end ?? '',
    status: v.status,
  };
}

function quietHoursPatch(current: Volunteer, form: VolunteerFormValues): Record<string, unknown> {
  const start = form.quietStart.trim();
  const end = form.quietEnd.trim();
  // Both empty clears them; one empty is sent as typed so the server names the missing field.
  if (!start && !end) return current.quietHours ? { quietHours: null } : {};
  if (start === current.quietHours?.start && end === current.quietHours?.end) return {};
  return { quietHours: { start, end } };
}

/** The changed fields of `form` against `current`; `{}` when nothing changed. */
export function volunteerPatch(current: Volunteer, form: VolunteerFormValues): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const name = form.name.trim();
  const phone = form.phone.trim();
  const radiusKm = form.radiusKm.trim() === '' ? Number.NaN : Number(form.radiusKm);
  if (name !== current.name) patch.name = name;
  if (phone !== current.phone) patch.phone = phone;
  // NaN (empty or not a number) is sent as the text typed, so the server's field error explains it.
  if (Number.isNaN(radiusKm)) patch.radiusKm = form.radiusKm;
  else if (radiusKm !== current.radiusKm) patch.radiusKm = radiusKm;
  if (form.language !== current.language) patch.language = form.language;
  if (form.status !== current.status) patch.status = form.status;
  return { ...patch, ...quietHoursPatch(current, form) };
}
