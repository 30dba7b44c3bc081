import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ActiveHotspots, ActiveScope, HotspotStore } from '../../shared/core/ports.js';
import { HotspotConflictError } from '../../shared/core/errors.js';
import { boxesMeet, boxOfHotspot, type HotspotChanges } from '../../shared/hotspots/index.js';
import type { Hotspot, HotspotSummary } from '../../shared/types.js';
import { areaOf, areasMeeting } from './hotspot-areas.js';
import { MemberPageReader, writePages, deletePages } from './member-page-io.js';
import {
  directoryOf,
  formatDirectory,
  layoutPages,
  pageId,
  pageIdsOf,
  parseDirectory,
  type Directory,
} from './member-pages.js';
import { queryAll } from './query-all.js';
import { scanAll } from './scan-all.js';

/**
 * Stored form: the geometry as a JSON string (`geometryJson`, a third of the size of nested
 * DynamoDB lists), the member lists in pages (`members` is their directory, see
 * member-pages.ts), and `area` for the `byArea` index while active.
 */
type HotspotItem = Omit<Hotspot, 'geometry' | 'memberTipIds' | 'memberCells'> & {
  geometryJson: string;
  members?: string;
  area?: string;
  expiresAt?: number;
};

/** Converts a stored item (or a stream image already unmarshalled) back to a hotspot, without its members. */
export function fromHotspotItem(item: Record<string, unknown>): HotspotSummary {
  const { geometryJson, expiresAt: _e, members: _m, area: _a, ...rest } = item as HotspotItem;
  return { ...(rest as Omit<HotspotSummary, 'geometry'>), geometry: JSON.parse(geometryJson) } as HotspotSummary;
}

/**
 * The stored form of a hotspot whose pages are `dir`; a retired hotspot has no pages and
 * expires `retiredDays` after it retired (active ones never do). Exported for the bench's
 * item sizes and write model.
 */
export function hotspotItem(h: Hotspot | HotspotSummary, dir: Directory | undefined, retiredDays: number): HotspotItem {
  const { geometry, memberTipIds: _m, memberCells: _c, ...rest } = h as Hotspot;
  const active = h.status === 'active';
  const expiresAt = active ? undefined : Math.floor(Date.parse(h.updatedAt) / 1000) + retiredDays * 86_400;
  return {
    ...rest,
    geometryJson: JSON.stringify(geometry),
    ...(active && dir?.size ? { members: formatDirectory(dir) } : {}),
    ...(active ? { area: areaOf(boxOfHotspot(h)) } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
}

/** Newest `lastSeen` first (ties by id), the order every reader of the active set gets. */
const byLastSeen = (a: HotspotSummary, b: HotspotSummary) =>
  a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : a.id < b.id ? -1 : 1;

/** Hotspots in DynamoDB: items found by area, member lists in pages beside them. */
export class DynamoHotspotStore implements HotspotStore {
  private readonly pages: MemberPageReader;
  /** Directories of the versions this instance read or wrote, by id: what a write replaces. */
  private readonly versions = new Map<string, { updatedAt: string; dir: Directory; lost?: ReadonlySet<string> }>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    /** Days a retired hotspot is kept (its SMS links then say it has ended). */
    private readonly retiredDays = 90,
  ) {
    this.pages = new MemberPageReader(doc, table);
  }

  /**
   * Active hotspots, most recently seen first. Near a box: the `byArea` cells around it, and
   * the pages of the asked cells. Otherwise a scan of `byArea` (it holds only active hotspots)
   * and, unless `members` is false, every page.
   */
  async listActive<S extends ActiveScope = Record<never, never>>(scope?: S): Promise<ActiveHotspots<S>> {
    const near = scope?.near;
    let items = near ? await this.inAreas(areasMeeting(near.box)) : await this.scanActive();
    if (near) items = items.filter((item) => boxesMeet(boxOfHotspot(fromHotspotItem(item)), near.box));
    items.sort((a, b) => byLastSeen(a as unknown as HotspotSummary, b as unknown as HotspotSummary));
    for (const item of items) this.remember(item);
    if (scope?.members === false) return items.map(fromHotspotItem) as ActiveHotspots<S>;
    const cells = near ? new Set(near.cells) : undefined;
    return (await this.withMembers(items, cells)) as ActiveHotspots<S>;
  }

  async get(id: string): Promise<HotspotSummary | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { id } }));
    return out.Item && out.Item.geometryJson !== undefined ? fromHotspotItem(out.Item) : undefined;
  }

  /**
   * Stores what a recomputation produced (upserts, and retired hotspots already marked
   * `retired` by the engine), each only if the stored item is still the one the
   * recomputation read (optimistic concurrency): a hotspot read at `updatedAt` must still
   * have it; one not read must not exist or be retired. A concurrent writer (another shard's
   * batch, or a stale index read) makes this throw `HotspotConflictError`, the batch fails,
   * and its retry recomputes on fresh data. Per hotspot: new pages, then the item, then the
   * pages it no longer lists. Sequential on purpose: the alert dispatcher reads the stream in
   * order, and hotspot changes per tip batch are few.
   */
  async saveChanges(changes: Pick<HotspotChanges, 'upserts' | 'retired'>, read: readonly Hotspot[]): Promise<void> {
    const readAt = new Map(read.map((h) => [h.id, h.updatedAt]));
    for (const h of [...changes.upserts, ...changes.retired]) await this.save(h, readAt.get(h.id));
  }

  private async save(h: Hotspot, readAt: string | undefined): Promise<void> {
    const { dir: previous, lost } = readAt
      ? await this.directoryAt(h.id, readAt)
      : { dir: new Map<string, string[]>() };
    const pages = h.status === 'active' ? layoutPages(h, previous) : [];
    const dir = directoryOf(pages);
    // A page found lost when read counts as absent, so the same content is written again.
    const before = new Set(pageIdsOf(h.id, previous).filter((id) => !lost?.has(id)));
    const after = new Set(pageIdsOf(h.id, dir));
    await writePages(
      this.doc,
      this.table,
      h.id,
      pages.filter((p) => !before.has(pageId(h.id, p.cell, p.n, p.hash))),
    );
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: hotspotItem(h, dir, this.retiredDays),
          ...(readAt
            ? {
                ConditionExpression: '#u = :readAt',
                ExpressionAttributeNames: { '#u': 'updatedAt' },
                ExpressionAttributeValues: { ':readAt': readAt },
              }
            : {
                ConditionExpression: 'attribute_not_exists(id) OR #s = :retired',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':retired': 'retired' },
              }),
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new HotspotConflictError(h.id, { cause: err });
      throw err;
    }
    this.versions.set(h.id, { updatedAt: h.updatedAt, dir });
    await deletePages(
      this.doc,
      this.table,
      [...before].filter((id) => !after.has(id)),
    );
  }

  /** The directory of hotspot `id` as stored at `updatedAt`; a newer stored version is a conflict. */
  private async directoryAt(id: string, updatedAt: string): Promise<{ dir: Directory; lost?: ReadonlySet<string> }> {
    const known = this.versions.get(id);
    if (known?.updatedAt === updatedAt) return known;
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { id }, ConsistentRead: true }));
    if (out.Item?.updatedAt !== updatedAt) throw new HotspotConflictError(id);
    return { dir: parseDirectory(out.Item.members) };
  }

  private remember(item: Record<string, unknown>, lost?: ReadonlySet<string>): void {
    const version = { updatedAt: String(item.updatedAt), dir: parseDirectory(item.members) };
    this.versions.delete(String(item.id));
    this.versions.set(String(item.id), lost?.size ? { ...version, lost } : version);
    // Bounded: a container that read many hotspots keeps the latest few thousand.
    if (this.versions.size > 20_000) this.versions.delete(this.versions.keys().next().value as string);
  }

  /** Hotspots under the given `area` keys, side by side. */
  private async inAreas(areas: string[]): Promise<Record<string, unknown>[]> {
    const pages = await Promise.all(
      areas.map((area) =>
        queryAll(this.doc, {
          TableName: this.table,
          IndexName: 'byArea',
          KeyConditionExpression: '#a = :area',
          ExpressionAttributeNames: { '#a': 'area' },
          ExpressionAttributeValues: { ':area': area },
        }),
      ),
    );
    return pages.flat();
  }

  /** Every active hotspot: the sparse `byArea` index holds nothing else. */
  private async scanActive(): Promise<Record<string, unknown>[]> {
    return scanAll(this.doc, { TableName: this.table, IndexName: 'byArea' });
  }

  /**
   * The hotspots with their members (in `cells` only, when given, plus those of unknown
   * cell). A page missing from a listed directory means a newer version replaced it: that
   * hotspot is read again, once, consistently; a page still missing was lost (a crashed write),
   * and the hotspot goes with the members it has until its next write rewrites the pages.
   */
  private async withMembers(items: Record<string, unknown>[], cells?: ReadonlySet<string>): Promise<Hotspot[]> {
    const wanted = items.map((item) => pageIdsOf(String(item.id), parseDirectory(item.members), cells));
    const found = await this.pages.read(wanted.flat());
    const out: Hotspot[] = [];
    for (let [i, item] of items.entries()) {
      let ids = wanted[i];
      if (ids.some((id) => !found.has(id))) {
        const fresh = await this.doc.send(
          new GetCommand({ TableName: this.table, Key: { id: item.id }, ConsistentRead: true }),
        );
        if (!fresh.Item || fresh.Item.status !== 'active') continue;
        item = fresh.Item;
        ids = pageIdsOf(String(item.id), parseDirectory(item.members), cells);
        for (const [id, page] of await this.pages.read(ids.filter((id) => !found.has(id)))) found.set(id, page);
        // Still missing: lost (a crash, or a late delete of a writer that lost its race).
        // The next save of this version writes them again.
        this.remember(item, new Set(ids.filter((id) => !found.has(id))));
      }
      const memberTipIds: string[] = [];
      const memberCells: string[] = [];
      for (const id of ids) {
        const page = found.get(id);
        if (!page) continue;
        for (const tipId of page.ids) (memberTipIds.push(tipId), memberCells.push(page.cell));
      }
      out.push({ ...fromHotspotItem(item), memberTipIds, memberCells } as Hotspot);
    }
    return out;
  }
}
