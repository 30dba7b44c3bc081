import type { HotspotChanges } from '../../hotspots/index.js';
import type { Hotspot } from '../../types.js';
import { HotspotConflictError } from '../errors.js';
import type { HotspotStore } from '../ports.js';
import { copy } from './copy.js';

/** {@link HotspotStore} in memory, with the same optimistic check as the DynamoDB adapter. */
export class MemoryHotspotStore implements HotspotStore {
  readonly hotspots = new Map<string, Hotspot>();

  async listActive(): Promise<Hotspot[]> {
    return [...this.hotspots.values()]
      .filter((h) => h.status === 'active')
      .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : -1))
      .map((h) => copy(h));
  }

  async get(id: string): Promise<Hotspot | undefined> {
    const h = this.hotspots.get(id);
    return h && copy(h);
  }

  async saveChanges(changes: Pick<HotspotChanges, 'upserts' | 'retired'>, read: Hotspot[]): Promise<void> {
    const versions = new Map(read.map((h) => [h.id, h.updatedAt]));
    for (const h of [...changes.upserts, ...changes.retired]) {
      const stored = this.hotspots.get(h.id);
      const readAt = versions.get(h.id);
      const ok = readAt ? stored?.updatedAt === readAt : !stored || stored.status === 'retired';
      if (!ok) throw new HotspotConflictError(h.id);
      this.hotspots.set(h.id, copy(h));
    }
  }
}
