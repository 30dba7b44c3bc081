import { haversineKmRaw } from '../../geo/haversine.js';
import type { LatLon, Volunteer } from '../../types.js';
import { ConflictError } from '../errors.js';
import type { CoveringVolunteer, VolunteerDirectory } from '../ports.js';
import { copy } from './copy.js';

/** {@link VolunteerDirectory} in memory: the exact circle check over every active volunteer. */
export class MemoryVolunteerDirectory implements VolunteerDirectory {
  readonly volunteers = new Map<string, Volunteer>();

  async put(v: Volunteer, previous?: Volunteer): Promise<void> {
    const stored = this.volunteers.get(v.id);
    const ok = previous ? stored?.updatedAt === previous.updatedAt : !stored;
    if (!ok) throw new ConflictError(`volunteer ${v.id} was changed by someone else; read it again and retry`);
    this.volunteers.set(v.id, copy(v));
  }

  async get(id: string): Promise<Volunteer | undefined> {
    const v = this.volunteers.get(id);
    return v && copy(v);
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Volunteer>> {
    const out = new Map<string, Volunteer>();
    for (const id of ids) {
      const v = this.volunteers.get(id);
      if (v) out.set(id, copy(v));
    }
    return out;
  }

  async list(): Promise<Volunteer[]> {
    return [...this.volunteers.values()]
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map((v) => copy(v));
  }

  async findByPhone(phone: string): Promise<Volunteer[]> {
    return [...this.volunteers.values()].filter((v) => v.phone === phone).map((v) => copy(v));
  }

  async covering(point: LatLon): Promise<CoveringVolunteer[]> {
    const out: CoveringVolunteer[] = [];
    for (const v of this.volunteers.values()) {
      if (v.status !== 'active') continue;
      const distanceKm = haversineKmRaw(v.location.lat, v.location.lon, point.lat, point.lon);
      if (distanceKm <= v.radiusKm)
        out.push({ volunteerId: v.id, location: v.location, radiusKm: v.radiusKm, distanceKm });
    }
    return out;
  }
}
