/**
 * Resolves mentions into one place: every candidate place is scored by the mentions that
 * support it and its ancestors (each mention used once per reading), so the hierarchy in
 * the text ("ต.หนองบัว อ.เมือง จ.นราธิวาส") picks one of the 27 หนองบัว. Ties come back
 * as alternatives with a lower confidence.
 */
import type { GeocodeResult } from '../types.js';
import { adminOf, lineage, type Gazetteer, type Level } from './gazetteer.js';
import { HOME_PROVINCES } from './home-provinces.js';
import type { Mention } from './mention.js';

/** At most this many alternatives are returned. */
export const MAX_ALTERNATIVES = 5;
/** Readings within this score of the best count as ties (ambiguous text). */
const TIE_EPSILON = 0.02;
/** A postcode is weaker evidence than a name: several amphoes can share one. */
const POSTCODE_WEIGHT = 0.5;

/** How much a mention counts: marked and exact readings weigh most. */
export function mentionWeight(m: Mention): number {
  if (m.supportOnly) return POSTCODE_WEIGHT;
  let w = m.level !== null ? 1 : 0.8;
  if (m.fuzzy > 0) w -= 0.15 * m.fuzzy;
  if (m.toneMismatch) w -= 0.05;
  return w;
}

const idSets = new WeakMap<Mention, Set<number>>();

/** Whether mention `m` names place `id` (sets are built lazily for long candidate lists). */
function names(m: Mention, id: number): boolean {
  if (m.ids.length < 8) return m.ids.includes(id);
  let set = idSets.get(m);
  if (!set) {
    set = new Set(m.ids);
    idSets.set(m, set);
  }
  return set.has(id);
}

function allows(m: Mention, id: number, level: Level): boolean {
  return (m.level === null || m.level === level) && names(m, id);
}

interface Reading {
  id: number;
  score: number;
  level: Level;
  /** Where the reading's own mention starts: earlier mentions win ties. */
  pos: number;
}

/** Scores the reading "the text means place `id`", or null when the text can't mean it. */
function scoreReading(g: Gazetteer, mentions: Mention[], id: number): Reading | null {
  const chain = lineage(g, id);
  const level = g.places[id].level;
  const used = new Set<number>();
  let score = 0;
  let own: Mention | null = null;
  let amphoeSupported = false;
  for (let l = chain.length - 1; l >= 0; l--) {
    let bestK = -1;
    let bestW = 0;
    mentions.forEach((m, k) => {
      if (used.has(k) || !allows(m, chain[l], l as Level)) return;
      const w = mentionWeight(m);
      if (w > bestW) [bestK, bestW] = [k, w];
    });
    if (l === chain.length - 1) {
      if (bestK < 0) return null;
      own = mentions[bestK];
    }
    if (bestK >= 0) {
      used.add(bestK);
      score += bestW;
      if (l === 1) amphoeSupported = true;
    }
  }
  if (!own) return null;
  const ownMention: Mention = own;
  if (used.size === 1 && ownMention.level === null && !ownMention.standalone) return null;
  const aliasMeansIt = ownMention.aliasIds?.includes(id) ?? false;
  if (level === 2 && ownMention.level === null && ownMention.prose && !amphoeSupported && !aliasMeansIt) return null;
  if (used.size === 1 && ownMention.level === null && level === 2 && !aliasMeansIt) return null;
  // A name that the alias table gives a meaning (โคราช: the province) loses its other readings.
  if (used.size === 1 && ownMention.aliasIds && !aliasMeansIt) score -= 0.1;
  // A bare name shared by an amphoe and a tambon inside it ("หาดใหญ่") means the amphoe.
  if (level === 2 && ownMention.level === null && names(ownMention, chain[1])) score -= 0.05;
  mentions.forEach((m, k) => {
    if (used.has(k) || m.level === null || m.level > level || m.ids.length === 0) return;
    if (!names(m, chain[m.level])) score -= 0.3 * mentionWeight(m);
  });
  return { id, score, level, pos: ownMention.start };
}

function compareReadings(g: Gazetteer, a: Reading, b: Reading): number {
  if (Math.abs(a.score - b.score) > TIE_EPSILON) return b.score - a.score;
  if (a.level !== b.level) return b.level - a.level;
  if (a.pos !== b.pos) return a.pos - b.pos;
  const ha = HOME_PROVINCES.has(g.places[a.id].code.slice(0, 2)) ? 0 : 1;
  const hb = HOME_PROVINCES.has(g.places[b.id].code.slice(0, 2)) ? 0 : 1;
  if (ha !== hb) return ha - hb;
  return g.places[a.id].code < g.places[b.id].code ? -1 : 1;
}

const PRECISION = ['province', 'amphoe', 'tambon'] as const;

/** Result shape for one place (without alternatives). */
export function placeResult(g: Gazetteer, id: number, confidence: number): GeocodeResult {
  const p = g.places[id];
  return {
    lat: Math.round(p.lat * 1e5) / 1e5,
    lon: Math.round(p.lon * 1e5) / 1e5,
    precision: PRECISION[p.level],
    confidence: Math.round(confidence * 100) / 100,
    admin: adminOf(g, id),
  };
}

/** Picks the best reading of the mentions; `{precision: 'none'}` when nothing holds. */
export function resolveMentions(g: Gazetteer, mentions: Mention[]): GeocodeResult {
  const candidates = new Set<number>();
  for (const m of mentions) {
    if (m.supportOnly) continue;
    for (const id of m.ids) if (m.level === null || g.places[id].level === m.level) candidates.add(id);
  }
  const readings: Reading[] = [];
  for (const id of candidates) {
    const r = scoreReading(g, mentions, id);
    if (r && r.score > 0.3) readings.push(r);
  }
  if (readings.length === 0) return { precision: 'none' };
  let top = -Infinity;
  for (const r of readings) if (r.score > top) top = r.score;
  const near = readings.filter((r) => r.score >= top - TIE_EPSILON);
  near.sort((a, b) => compareReadings(g, a, b));
  const best = near[0];
  const ties = near.filter((r, i) => i > 0 && r.level === best.level);
  let confidence = Math.min(0.99, 0.45 + 0.18 * best.score);
  if (ties.length > 0) confidence *= 0.6;
  const result = placeResult(g, best.id, confidence);
  if (ties.length > 0) {
    result.alternatives = ties.slice(0, MAX_ALTERNATIVES).map((r) => placeResult(g, r.id, confidence));
  }
  return result;
}
