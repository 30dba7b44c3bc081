/**
 * Builds one hotspot from its member tips: geometry, counts, place, risk, Gi*, trend, and the
 * identity fields carried over from the hotspot it continues (if any).
 */
import { TIP_CATEGORIES, type AdminArea, type Hotspot, type HotspotHistoryEntry, type TipCategory } from '../types.js';
import { boxOfPoints } from './box.js';
import { bufferedHull, meanPosition } from './geometry.js';
import { giStar, type HexCounts } from './gi-star.js';
import type { HotspotOptions } from './options.js';
import { hotspotRisk } from './risk.js';
import { isoMs } from './time.js';
import { hotspotTrend, type Trend } from './trend.js';
import type { TipColumns } from './tip-columns.js';
import { tipCell } from './tip-cells.js';

/** Most history entries kept per hotspot (oldest dropped first). */
export const MAX_HISTORY = 20;
/** Centroid decimals in output (~11 m): the centroid is public. */
const CENTROID_DECIMALS = 4;

/** Identity of the hotspot being built, decided by identity.ts. */
export interface HotspotIdentity {
  id: string;
  previous?: Hotspot;
  mergedFrom: string[];
  splitFrom?: string;
}

/**
 * Builds the hotspot whose members are the tips `members` (indices into `cols`, in id order)
 * at `now`. `counts`: tips per Gi* hexagon.
 */
export function buildHotspotOfColumns(
  cols: TipColumns,
  members: Int32Array,
  identity: HotspotIdentity,
  ctx: { now: string; options: HotspotOptions; counts: HexCounts },
): Hotspot {
  const { now, options } = ctx;
  const m = members.length;
  const { lats, lons, receivedMs } = memberColumns(cols, members);
  const centroid = meanPosition(lats, lons);
  const round = (v: number) => Number(v.toFixed(CENTROID_DECIMALS));
  const nowMs = isoMs(now);
  const { first, last } = receivedRange(receivedMs);
  const risk = hotspotRisk(cols, members, receivedMs, nowMs, options);
  const gi = giStar(lats, lons, memberBox(lats, lons), ctx.counts, options);
  const trend: Trend = hotspotTrend(receivedMs, nowMs, options.trendWindowDays, identity.previous !== undefined);
  const prev = identity.previous;
  const geometry = bufferedHull(lats, lons, options);
  // Stored so the incremental update finds nearby hotspots without reading every polygon.
  const polygonBox = boxOfPoints(geometry.coordinates[0].map(([lon, lat]) => ({ lat, lon })));
  let urgentTipCount = 0;
  for (let k = 0; k < m; k++) urgentTipCount += cols.urgent[members[k]];
  const hotspot: Hotspot = {
    id: identity.id,
    status: 'active',
    riskLevel: risk.riskLevel,
    riskScore: risk.riskScore,
    tipCount: m,
    categories: categoryMix(cols, members),
    firstSeen: cols.receivedAt(members[first]),
    lastSeen: cols.receivedAt(members[last]),
    centroid: { lat: round(centroid.lat), lon: round(centroid.lon) },
    geometry,
    bbox: [polygonBox.minLon, polygonBox.minLat, polygonBox.maxLon, polygonBox.maxLat],
    admin: commonAdmin(cols, members),
    memberTipIds: memberIds(cols, members),
    memberCells: memberCells(lats, lons),
    createdAt: prev?.createdAt ?? now,
    updatedAt: now,
    reporterCount: risk.reporterCount,
    // The alert policy sends an `urgent_tip` alert when this count grows.
    urgentTipCount,
    trend,
    giZ: gi.giZ,
    giConfidence: gi.giConfidence,
  };
  const mergedFrom = [...new Set([...(prev?.mergedFrom ?? []), ...identity.mergedFrom])];
  if (mergedFrom.length) hotspot.mergedFrom = mergedFrom.slice(-MAX_HISTORY);
  const splitFrom = identity.splitFrom ?? prev?.splitFrom;
  if (splitFrom) hotspot.splitFrom = splitFrom;
  hotspot.history = nextHistory(hotspot, identity);
  return hotspot;
}

// The helpers below each make one plain loop over the members, called once per hotspot: a
// callback per member (forEach, Array.from with a map) cost buildHotspotOfColumns a third of
// its time at 100,000 members.

/** The members' positions and receive times copied into dense arrays, which every figure then reads in member order. */
function memberColumns(cols: TipColumns, members: Int32Array) {
  const m = members.length;
  const lats = new Float64Array(m);
  const lons = new Float64Array(m);
  const receivedMs = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = members[k];
    lats[k] = cols.lat[i];
    lons[k] = cols.lon[i];
    receivedMs[k] = cols.receivedMs[i];
  }
  return { lats, lons, receivedMs };
}

/** Positions (into `receivedMs`) of the earliest and latest member; the first of equals wins. */
function receivedRange(receivedMs: Float64Array): { first: number; last: number } {
  let first = 0;
  let last = 0;
  for (let k = 0; k < receivedMs.length; k++) {
    const ms = receivedMs[k];
    if (ms < receivedMs[first]) first = k;
    if (ms > receivedMs[last]) last = k;
  }
  return { first, last };
}

/** Bounding box of the member points in degrees: Gi*'s study area is grown from it. */
function memberBox(lats: Float64Array, lons: Float64Array) {
  const box = { minLat: Infinity, maxLat: -Infinity, minLon: Infinity, maxLon: -Infinity };
  for (let k = 0; k < lats.length; k++) {
    box.minLat = Math.min(box.minLat, lats[k]);
    box.maxLat = Math.max(box.maxLat, lats[k]);
    box.minLon = Math.min(box.minLon, lons[k]);
    box.maxLon = Math.max(box.maxLon, lons[k]);
  }
  return box;
}

function memberIds(cols: TipColumns, members: Int32Array): string[] {
  const out = new Array<string>(members.length);
  for (let k = 0; k < members.length; k++) out[k] = cols.ids[members[k]];
  return out;
}

/** The `tipCell` of each member (the store pages membership by it); cells are few, so each string is shared. */
function memberCells(lats: Float64Array, lons: Float64Array): string[] {
  const seen = new Map<string, string>();
  const out = new Array<string>(lats.length);
  for (let k = 0; k < lats.length; k++) {
    const cell = tipCell(lats[k], lons[k]);
    let shared = seen.get(cell);
    if (shared === undefined) {
      shared = cell;
      seen.set(cell, cell);
    }
    out[k] = shared;
  }
  return out;
}

function nextHistory(h: Hotspot, identity: HotspotIdentity): HotspotHistoryEntry[] {
  const prev = identity.previous;
  const history = [...(prev?.history ?? [])];
  const base = { at: h.updatedAt, tipCount: h.tipCount, riskLevel: h.riskLevel };
  if (!prev)
    history.push({
      ...base,
      event: identity.splitFrom ? 'split' : 'created',
      ...(identity.splitFrom ? { from: [identity.splitFrom] } : {}),
    });
  else if (identity.mergedFrom.length) history.push({ ...base, event: 'merged', from: identity.mergedFrom });
  else if (prev.tipCount !== h.tipCount || prev.riskLevel !== h.riskLevel) history.push({ ...base, event: 'changed' });
  return history.slice(-MAX_HISTORY);
}

/** Tips per category, keys in taxonomy order (stable output whatever the member order). */
function categoryMix(cols: TipColumns, members: Int32Array): Partial<Record<TipCategory, number>> {
  // Counted in first-seen order, as a Map of the names would be.
  const counts = new Map<number, number>();
  for (const i of members) counts.set(cols.category[i], (counts.get(cols.category[i]) ?? 0) + 1);
  const byName = new Map<string, number>();
  for (const [c, n] of counts) byName.set(cols.categories[c], n);
  const mix: Partial<Record<TipCategory, number>> = {};
  for (const c of TIP_CATEGORIES) if (byName.has(c)) mix[c] = byName.get(c);
  for (const [c, n] of byName) if (!(c in mix)) mix[c as TipCategory] = n;
  return mix;
}

/** The most common place among members (ties: the more precise, then the smaller codes). */
function commonAdmin(cols: TipColumns, members: Int32Array): AdminArea {
  const counts = new Map<string, { admin: AdminArea; count: number }>();
  const keyOf = new Map<number, string>();
  for (const i of members) {
    const a = cols.admin[i];
    if (a < 0) continue;
    let key = keyOf.get(a);
    if (key === undefined) {
      const admin = cols.admins[a];
      key = admin.provinceCode ? [admin.provinceCode, admin.amphoeCode ?? '', admin.tambonCode ?? ''].join('/') : '';
      keyOf.set(a, key);
    }
    if (!key) continue;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { admin: cols.admins[a], count: 1 });
  }
  let best: { key: string; admin: AdminArea; count: number } | undefined;
  for (const [key, e] of counts) {
    const better =
      !best ||
      e.count > best.count ||
      (e.count === best.count && (key.length > best.key.length || (key.length === best.key.length && key < best.key)));
    if (better) best = { key, ...e };
  }
  return best ? { ...best.admin } : {};
}
