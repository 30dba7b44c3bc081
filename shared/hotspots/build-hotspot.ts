/**
 * Builds one hotspot from its member tips: geometry, counts, place, risk, Gi*, trend, and the
 * identity fields carried over from the hotspot it continues (if any).
 */
import {
  TIP_CATEGORIES,
  type AdminArea,
  type ClusterTip,
  type Hotspot,
  type HotspotHistoryEntry,
  type TipCategory,
} from '../types.js';
import { boxOfPoints } from './box.js';
import { bufferedHull, meanPosition } from './geometry.js';
import { giStar, type HexCounts } from './gi-star.js';
import type { HotspotOptions } from './options.js';
import { hotspotRisk } from './risk.js';
import { isoMs } from './time.js';
import { hotspotTrend, type Trend } from './trend.js';

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

/** Builds the hotspot of `members` (sorted by id) at `now`. `counts`: tips per Gi* hexagon. */
export function buildHotspot(
  members: ClusterTip[],
  identity: HotspotIdentity,
  ctx: { now: string; options: HotspotOptions; counts: HexCounts },
): Hotspot {
  const { now, options } = ctx;
  const lats = members.map((t) => t.lat);
  const lons = members.map((t) => t.lon);
  const centroid = meanPosition(lats, lons);
  const round = (v: number) => Number(v.toFixed(CENTROID_DECIMALS));
  const nowMs = isoMs(now);
  const receivedMs = members.map((t) => isoMs(t.receivedAt));
  let first = 0;
  let last = 0;
  receivedMs.forEach((ms, i) => {
    if (ms < receivedMs[first]) first = i;
    if (ms > receivedMs[last]) last = i;
  });
  const risk = hotspotRisk(members, receivedMs, nowMs, options);
  const box = { minLat: Infinity, maxLat: -Infinity, minLon: Infinity, maxLon: -Infinity };
  for (const t of members) {
    box.minLat = Math.min(box.minLat, t.lat);
    box.maxLat = Math.max(box.maxLat, t.lat);
    box.minLon = Math.min(box.minLon, t.lon);
    box.maxLon = Math.max(box.maxLon, t.lon);
  }
  const gi = giStar(members, box, ctx.counts, options);
  const trend: Trend = hotspotTrend(receivedMs, nowMs, options.trendWindowDays, identity.previous !== undefined);
  const prev = identity.previous;
  const geometry = bufferedHull(lats, lons, options);
  // Stored so the incremental update finds nearby hotspots without reading every polygon.
  const polygonBox = boxOfPoints(geometry.coordinates[0].map(([lon, lat]) => ({ lat, lon })));
  const hotspot: Hotspot = {
    id: identity.id,
    status: 'active',
    riskLevel: risk.riskLevel,
    riskScore: risk.riskScore,
    tipCount: members.length,
    categories: categoryMix(members),
    firstSeen: members[first].receivedAt,
    lastSeen: members[last].receivedAt,
    centroid: { lat: round(centroid.lat), lon: round(centroid.lon) },
    geometry,
    bbox: [polygonBox.minLon, polygonBox.minLat, polygonBox.maxLon, polygonBox.maxLat],
    admin: commonAdmin(members),
    memberTipIds: members.map((t) => t.id),
    createdAt: prev?.createdAt ?? now,
    updatedAt: now,
    reporterCount: risk.reporterCount,
    // The alert policy sends an `urgent_tip` alert when this count grows.
    urgentTipCount: members.filter((t) => t.urgent).length,
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
function categoryMix(members: ClusterTip[]): Partial<Record<TipCategory, number>> {
  const counts = new Map<string, number>();
  for (const t of members) counts.set(t.category, (counts.get(t.category) ?? 0) + 1);
  const mix: Partial<Record<TipCategory, number>> = {};
  for (const c of TIP_CATEGORIES) if (counts.has(c)) mix[c] = counts.get(c);
  for (const [c, n] of counts) if (!(c in mix)) mix[c as TipCategory] = n;
  return mix;
}

/** The most common place among members (ties: the more precise, then the smaller codes). */
function commonAdmin(members: ClusterTip[]): AdminArea {
  const counts = new Map<string, { admin: AdminArea; count: number }>();
  for (const t of members) {
    if (!t.admin || !t.admin.provinceCode) continue;
    const key = [t.admin.provinceCode, t.admin.amphoeCode ?? '', t.admin.tambonCode ?? ''].join('/');
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { admin: t.admin, count: 1 });
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
