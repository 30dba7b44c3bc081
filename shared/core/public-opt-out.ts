/**
 * The public SMS opt-out by phone number. SMS STOP replies to a Thai sender ID may never
 * arrive, so the web offers it; the answer never says whether the number is registered.
 */
import { optOutVolunteer } from './volunteer-registry.js';
import type { Clock, VolunteerDirectory } from './ports.js';

/**
 * Opts out every active profile with this E.164 number; returns how many. The registry is
 * small (hundreds of people per province), so listing it costs less than an index of phones.
 */
export async function optOutByPhone(
  deps: { volunteers: VolunteerDirectory; clock: Clock },
  phone: string,
): Promise<number> {
  const matches = (await deps.volunteers.list()).filter((v) => v.phone === phone && v.status === 'active');
  for (const v of matches) await optOutVolunteer(deps, v.id);
  return matches.length;
}
