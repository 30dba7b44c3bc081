import { boxesMeet, boxOfHotspot, type HotspotChanges } from '../../hotspots/index.js';
import type { Hotspot, HotspotSummary } from '../../types.js';
import { HotspotConflictError } from '../errors.js';
import type { ActiveHotspots, ActiveScope, HotspotStore } from '../ports.js';
import { copy } from './copy.js';

/**
 * {@link HotspotStore} in memory, with the DynamoDB adapter's semantics: the same optimistic
 * check, and a `near` read that gives each hotspot's members in the asked cells only (plus
 * those of unknown cell), as the adapter's pages per cell do.
 */
export class MemoryHotspotStore implements HotspotStore {
  readonly hotspots = new Map<string, Hotspot>();

  async listActive<S extends ActiveScope = Record<never, never>>(scope?: S): Promise<ActiveHotspots<S>> {
    const near = scope?.near;
    const active = [...this.hotspots.values()]
      .filter((h) => h.status === 'active' && (!near || boxesMeet(boxOfHotspot(h), near.box)))
      .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : a.id < b.id ? -1 : 1));
    if (scope?.members === false) return active.map(summaryOf) as ActiveHotspots<S>;
    const cells = near && new Set(near.cells);
    return active.map((h) => (cells ? membersIn(h, cells) : copy(h))) as ActiveHotspots<S>;
  }

  async get(id: string): Promise<HotspotSummary | undefined> {
    const h = this.hotspots.get(id);
    return h && summaryOf(h);
  }

  async saveChanges(changes: Pick<HotspotChanges, 'upserts' | 'retired'>, read: readonly Hotspot[]): Promise<void> {
    const versions = new Map(read.map((h) => [h.id, h.updatedAt]));
    for (const h of [...changes.upserts, ...changes.retired]) {
      const stored = this.hotspots.get(h.id);
      const readAt = versions.get(h.id);
      const ok = readAt ? stored?.updatedAt === readAt : !stored || stored.status === 'retired';
      if (!ok) throw new HotspotConflictError(h.id);
      // A retired hotspot keeps no members (the adapter deletes its pages).
      const kept = h.status === 'retired' ? { ...h, memberTipIds: [], memberCells: [] } : h;
      this.hotspots.set(h.id, copy(kept));
    }
  }
}

function summaryOf(h: Hotspot): HotspotSummary {
  const { memberTipIds: _m, memberCells: _c, ...summary } = copy(h);
  return summary;
}

/** The hotspot with its members in `cells`, and those whose cell is not known. */
function membersIn(h: Hotspot, cells: ReadonlySet<string>): Hotspot {
  const ids: string[] = [];
  const kept: string[] = [];
  h.memberTipIds.forEach((id, i) => {
    const cell = h.memberCells?.[i];
    if (cell !== undefined && !cells.has(cell)) return;
    ids.push(id);
    if (cell !== undefined) kept.push(cell);
  });
  const out = { ...copy(summaryOf(h)), memberTipIds: ids } as Hotspot;
  if (h.memberCells) out.memberCells = kept;
  return out;
}
