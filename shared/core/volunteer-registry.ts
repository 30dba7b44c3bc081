/**
 * The volunteer registry as coordinators use it: register (the home point must be on land in
 * the service area: alerts are for the villages a volunteer lives in), edit with an
 * optimistic check, and opt out at once.
 */
import type { VolunteerInput, VolunteerPatch } from '../volunteers/volunteer-input.js';
import type { LatLon, Volunteer } from '../types.js';
import { ConflictError, NotFoundError, RejectedInputError } from './errors.js';
import type { ServiceArea } from '../service-area/index.js';
import type { Clock, IdSource, ServiceAreaPort, VolunteerDirectory } from './ports.js';

export interface RegistryDeps {
  volunteers: VolunteerDirectory;
  serviceArea: ServiceAreaPort;
  clock: Clock;
  ids: IdSource;
}

/** Throws {@link RejectedInputError} unless the point is on land inside the service area. */
export function requireHomeOnLand(area: ServiceArea, location: LatLon): void {
  const where = area.classify(location);
  if (where === 'land') return;
  const message =
    where === 'buffer'
      ? 'the home point is at sea or across the border: pick the village on land where the volunteer lives'
      : 'the home point is outside the service area: pick a place in the provinces this deployment covers';
  throw new RejectedInputError(message, { location: message });
}

/** Registers a volunteer (phone already E.164). */
export async function registerVolunteer(deps: RegistryDeps, input: VolunteerInput): Promise<Volunteer> {
  requireHomeOnLand(deps.serviceArea(), input.location);
  const now = deps.clock.now();
  const volunteer: Volunteer = { id: deps.ids.uuid(), ...input, status: 'active', createdAt: now, updatedAt: now };
  await deps.volunteers.put(volunteer);
  return volunteer;
}

/** A stored volunteer, or {@link NotFoundError}. */
export async function loadVolunteer(deps: Pick<RegistryDeps, 'volunteers'>, id: string): Promise<Volunteer> {
  const v = await deps.volunteers.get(id);
  if (!v) throw new NotFoundError('volunteer');
  return v;
}

/** Edits any field; `quietHours: null` clears them; `status: "opted_out"` deactivates. 409 on a concurrent edit. */
export async function editVolunteer(deps: RegistryDeps, id: string, patch: VolunteerPatch): Promise<Volunteer> {
  const current = await loadVolunteer(deps, id);
  if (patch.location) requireHomeOnLand(deps.serviceArea(), patch.location);
  const { quietHours, ...rest } = patch;
  const next: Volunteer = { ...current, ...rest, updatedAt: deps.clock.now() };
  if (quietHours === null) delete next.quietHours;
  else if (quietHours) next.quietHours = quietHours;
  await deps.volunteers.put(next, current);
  return next;
}

/** How many times a volunteer changed under us before an opt-out gives up (optimistic lock). */
const OPT_OUT_ATTEMPTS = 3;

/** Opts a volunteer out at once (idempotent), retrying a lost race with the profile read again. */
export async function optOutVolunteer(
  deps: Pick<RegistryDeps, 'volunteers' | 'clock'>,
  id: string,
): Promise<Volunteer> {
  let current = await loadVolunteer(deps, id);
  for (let attempt = 1; ; attempt++) {
    if (current.status === 'opted_out') return current;
    const next: Volunteer = { ...current, status: 'opted_out', updatedAt: deps.clock.now() };
    try {
      await deps.volunteers.put(next, current);
      return next;
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= OPT_OUT_ATTEMPTS) throw err;
      current = await loadVolunteer(deps, id);
    }
  }
}
