/**
 * A hotspot's member list, stored apart from the hotspot item (issue 12: at ~37 bytes a tip
 * the list passed DynamoDB's 400 KB item limit near 10,000 members). Members are grouped by
 * their `tipCell`, so an incremental update reads only the cells it works in; a cell with many
 * members is split into 2^k pages by a hash of the id, each under {@link MAX_PAGE_BYTES}. A
 * page is named by its content hash and never rewritten: a change writes new pages, then the
 * hotspot item listing them (the directory), then deletes the old ones, so a reader of one
 * hotspot version finds exactly that version's pages. A hotspot that gains a tip rewrites one
 * page of one cell, not its whole list.
 */
import { stableHash } from '../../shared/stable-hash.js';
import type { Hotspot } from '../../shared/types.js';
import { KEY_PREFIX } from '../../shared/tables.js';

/** Largest page of member ids, bytes: a fifth of the 64 KB item budget of issue 12, half the write cost of one. */
export const MAX_PAGE_BYTES = 32 * 1024;
/** A cell's pages are merged in halves when they average under this (members aged out). */
const MIN_MEAN_PAGE_BYTES = MAX_PAGE_BYTES / 8;
/** The cell of members written without one (`memberCells` absent): read with every cell. */
export const UNKNOWN_CELL = '_';
const PAGE_PREFIX = KEY_PREFIX.memberPage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A hotspot's pages: per cell, the content hash of each of its pages (page `n` has hash `[n]`). */
export type Directory = Map<string, string[]>;

/** One page: which hotspot, cell and slot, its content hash, and its ids (compact, space-separated). */
export interface MemberPage {
  cell: string;
  n: number;
  hash: string;
  ids: string;
}

/** Is this id in the hotspots table a member page (not a hotspot)? */
export function isMemberPageId(id: string): boolean {
  return id.startsWith(PAGE_PREFIX);
}

/** The table key of a page of hotspot `hotspotId`. */
export function pageId(hotspotId: string, cell: string, n: number, hash: string): string {
  return `${PAGE_PREFIX}${hotspotId}~${cell}~${n}~${hash}`;
}

/** The directory as stored on the hotspot item: `cell:hash,hash;cell:hash`, cells sorted. */
export function formatDirectory(dir: Directory): string {
  return [...dir.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cell, hashes]) => `${cell}:${hashes.join(',')}`)
    .join(';');
}

/** The directory of a stored hotspot item (empty when it has none). */
export function parseDirectory(text: unknown): Directory {
  const dir: Directory = new Map();
  if (typeof text !== 'string' || !text) return dir;
  for (const part of text.split(';')) {
    const [cell, hashes] = part.split(':');
    dir.set(cell, hashes.split(','));
  }
  return dir;
}

/** Every page id of a directory. */
export function pageIdsOf(hotspotId: string, dir: Directory, cells?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [cell, hashes] of dir) {
    if (cells && cell !== UNKNOWN_CELL && !cells.has(cell)) continue;
    hashes.forEach((hash, n) => out.push(pageId(hotspotId, cell, n, hash)));
  }
  return out;
}

/**
 * The pages of an active hotspot's members. A cell keeps its page count from `previous` (so
 * one new member changes one page) unless a page would pass {@link MAX_PAGE_BYTES} (double) or
 * they average under an eighth of it (halve).
 */
export function layoutPages(h: Pick<Hotspot, 'memberTipIds' | 'memberCells'>, previous?: Directory): MemberPage[] {
  const byCell = new Map<string, string[]>();
  h.memberTipIds.forEach((id, i) => {
    const cell = h.memberCells?.[i] ?? UNKNOWN_CELL;
    const list = byCell.get(cell);
    const compact = compactTipId(id);
    if (list) list.push(compact);
    else byCell.set(cell, [compact]);
  });
  const pages: MemberPage[] = [];
  for (const [cell, ids] of byCell) {
    const bytes = ids.reduce((sum, id) => sum + id.length + 1, 0);
    const buckets = ids.map(bucketHash);
    let count = previous?.get(cell)?.length ?? 1;
    while (count > 1 && bytes < count * MIN_MEAN_PAGE_BYTES) count /= 2;
    while (largestPage(ids, buckets, count) > MAX_PAGE_BYTES) count *= 2;
    const slots: string[][] = Array.from({ length: count }, () => []);
    ids.forEach((id, i) => slots[buckets[i] % count].push(id));
    slots.forEach((slot, n) => {
      const text = slot.join(' ');
      pages.push({ cell, n, hash: stableHash(`${cell}|${count}|${n}|${text}`).slice(0, 12), ids: text });
    });
  }
  return pages;
}

/** The directory of a layout. */
export function directoryOf(pages: readonly MemberPage[]): Directory {
  const dir: Directory = new Map();
  for (const p of pages) {
    const hashes = dir.get(p.cell) ?? [];
    hashes[p.n] = p.hash;
    dir.set(p.cell, hashes);
  }
  return dir;
}

/** The ids of a stored page's `ids` text. */
export function idsOfPage(text: string): string[] {
  return text ? text.split(' ').map(expandTipId) : [];
}

/** A tip id in 22 characters when it is a UUID (base64url of its 16 bytes); any other id `~` + URI-escaped. */
export function compactTipId(id: string): string {
  if (UUID.test(id)) return Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url');
  return `~${encodeURIComponent(id)}`;
}

/** The tip id of {@link compactTipId}. */
export function expandTipId(compact: string): string {
  if (compact.startsWith('~')) return decodeURIComponent(compact.slice(1));
  const hex = Buffer.from(compact, 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function largestPage(ids: string[], buckets: number[], count: number): number {
  const bytes = new Float64Array(count);
  ids.forEach((id, i) => (bytes[buckets[i] % count] += id.length + 1));
  return Math.max(...bytes);
}

/** A 32-bit hash of a compact id (FNV-1a, then mixed so the low bits that pick a page are even). */
function bucketHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
