/**
 * The in-memory gazetteer: places of all three levels in one array, a character trie over
 * Thai name skeletons, a map of folded romanised keys, and province shapes. Built once from
 * the serialised index (`createGazetteer`), then shared by every geocode call.
 */
import type { AdminArea } from '../types.js';
import { PLACE_ALIASES } from './aliases.js';
import { CAPITAL_PREFIX_TH, GAZETTEER_INDEX_VERSION, isCapitalName, type GazetteerIndex } from './gazetteer-index.js';
import type { CompactShape, ProvinceShape } from './province-shapes.js';
import type { SerializedAreaGrid } from '../service-area/area-grid.js';
import { loadFlatTrie, type FlatTrie } from './name-trie.js';
import { hasThai, latinKey, thaiKey, thaiSkeleton } from './text-keys.js';

/** Administrative level: 0 province (changwat), 1 amphoe (khet), 2 tambon (khwaeng). */
export type Level = 0 | 1 | 2;

/** One place of any level. `parent` is the index of the enclosing place, -1 for provinces. */
export interface Place {
  level: Level;
  code: string;
  th: string;
  en: string;
  lat: number;
  lon: number;
  parent: number;
  /** Folded romanised key (`latinKey(en)`), precomputed by the importer. */
  enKey: string;
}

/** The loaded gazetteer. Treat as read-only. */
export interface Gazetteer {
  places: Place[];
  byCode: Map<string, number>;
  children: number[][];
  thaiTrie: FlatTrie;
  latin: Map<string, number[]>;
  /** Longest romanised name, in words: bounds the n-gram scan. */
  latinMaxWords: number;
  /** Capital districts (อำเภอเมือง...), what a bare "อ.เมือง" / "Mueang" can mean. */
  capitals: number[];
  /** Province boundaries as stored; decoded on first use (`provinceShape`). */
  shapes: CompactShape[];
  /** Decoded boundaries, filled lazily: decoding all 77 would add ~15 ms to every cold load. */
  decodedShapes: Array<ProvinceShape | undefined>;
  /** Thai skeleton per place, computed on first use (fuzzy lookup). */
  skeletons: Array<string | undefined>;
  /** Postcode -> amphoes it serves (place indices). */
  postcodes: Map<string, number[]>;
  /** Keys (Thai skeletons and folded Latin) of the alias table -> the places they mean. */
  aliasKeys: Map<string, number[]>;
  /** The national service-area grid as stored; decoded on first use (`defaultServiceArea`). */
  areaGrid: SerializedAreaGrid;
  /** Codes of tambons whose centroid is only their province's (Bueng Kan): not used to name places at sea. */
  estimatedCentroids: string[];
}

/** Shared by every tambon (they have no children): saves ~7,000 allocations per load. */
const NO_CHILDREN: number[] = [];

function addLatin(map: Map<string, number[]>, name: string, id: number, folded?: string): number {
  const key = folded ?? latinKey(name);
  if (key.length < 2) return 0;
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
  return name.split(/[\s-]+/).length;
}

function pushPlaces(g: Gazetteer, index: GazetteerIndex): void {
  const { places, byCode } = g;
  const add = (p: Place): void => {
    byCode.set(p.code, places.length);
    places.push(p);
    g.children.push(p.level === 2 ? NO_CHILDREN : []);
    if (p.parent >= 0) g.children[p.parent].push(places.length - 1);
  };
  for (const [code, th, en, enKey] of index.provinces) {
    add({ level: 0, code, th, en, enKey, lat: 0, lon: 0, parent: -1 });
  }
  for (const [code, th, en, enKey] of index.amphoes) {
    add({ level: 1, code, th, en, enKey, lat: 0, lon: 0, parent: byCode.get(code.slice(0, 2)) ?? -1 });
  }
  const t = index.tambons;
  for (let i = 0; i < t.code.length; i++) {
    const code = t.code[i];
    const parent = byCode.get(code.slice(0, 4)) ?? -1;
    add({ level: 2, code, th: t.th[i], en: t.en[i], enKey: t.enKey[i], lat: t.lat[i], lon: t.lon[i], parent });
    const pc = t.postcode[i];
    if (pc && parent >= 0) {
      const list = g.postcodes.get(pc);
      if (!list) g.postcodes.set(pc, [parent]);
      else if (!list.includes(parent)) list.push(parent);
    }
  }
}

/** Amphoe and province centroids: the mean of their tambon centroids. */
function fillCentroids(g: Gazetteer): void {
  for (let level = 1; level >= 0; level--) {
    g.places.forEach((p, i) => {
      if (p.level !== level) return;
      const kids = g.children[i];
      if (kids.length === 0) return;
      p.lat = kids.reduce((s, k) => s + g.places[k].lat, 0) / kids.length;
      p.lon = kids.reduce((s, k) => s + g.places[k].lon, 0) / kids.length;
    });
  }
}

function indexNames(g: Gazetteer): void {
  g.places.forEach((p, i) => {
    if (p.en) g.latinMaxWords = Math.max(g.latinMaxWords, addLatin(g.latin, p.en, i, p.enKey));
    if (p.level === 1 && isCapitalName(p.th)) {
      g.capitals.push(i);
    }
  });
  for (const c of g.capitals) {
    addLatin(g.latin, 'Mueang', c);
  }
  for (const a of PLACE_ALIASES) {
    const id = g.byCode.get(a.code);
    if (id === undefined) throw new Error(`alias "${a.name}" points to unknown code ${a.code}`);
    const key = hasThai(a.name) ? thaiSkeleton(a.name) : latinKey(a.name);
    const meant = g.aliasKeys.get(key);
    if (meant) meant.push(id);
    else g.aliasKeys.set(key, [id]);
    if (!hasThai(a.name)) g.latinMaxWords = Math.max(g.latinMaxWords, addLatin(g.latin, a.name, id, key));
  }
}

/** Builds the in-memory gazetteer from a parsed index (see `buildGazetteerIndex`). */
export function createGazetteer(index: GazetteerIndex): Gazetteer {
  if (index.version !== GAZETTEER_INDEX_VERSION) {
    throw new Error(
      `gazetteer index version ${index.version}, expected ${GAZETTEER_INDEX_VERSION}: rebuild it with "npm run gazetteer"`,
    );
  }
  const g: Gazetteer = {
    places: [],
    byCode: new Map(),
    children: [],
    thaiTrie: loadFlatTrie(index.thaiTrie),
    latin: new Map(),
    latinMaxWords: 1,
    capitals: [],
    shapes: index.shapes,
    decodedShapes: new Array(index.shapes.length),
    aliasKeys: new Map(),
    skeletons: new Array(index.provinces.length + index.amphoes.length + index.tambons.code.length),
    postcodes: new Map(),
    areaGrid: index.areaGrid,
    estimatedCentroids: index.estimatedCentroids,
  };
  pushPlaces(g, index);
  fillCentroids(g);
  indexNames(g);
  return g;
}

/** The chain province -> place, as place indices. */
export function lineage(g: Gazetteer, id: number): number[] {
  const chain: number[] = [];
  for (let i = id; i >= 0; i = g.places[i].parent) chain.unshift(i);
  return chain;
}

/** Contract `admin` block for a place: names and codes of every level down to it. */
export function adminOf(g: Gazetteer, id: number): AdminArea {
  const admin: AdminArea = {};
  for (const i of lineage(g, id)) {
    const p = g.places[i];
    if (p.level === 0) Object.assign(admin, { provinceCode: p.code, province: p.th });
    else if (p.level === 1) Object.assign(admin, { amphoeCode: p.code, amphoe: p.th });
    else Object.assign(admin, { tambonCode: p.code, tambon: p.th });
  }
  return admin;
}

/** The ancestor of `id` at `level` (itself when it is at that level), or -1. */
export function ancestorAt(g: Gazetteer, id: number, level: Level): number {
  let i = id;
  while (i >= 0 && g.places[i].level > level) i = g.places[i].parent;
  return i >= 0 && g.places[i].level === level ? i : -1;
}

/** Thai name of a place without tone marks (cached): the form the trie and typo lookup use. */
export function skeletonOf(g: Gazetteer, id: number): string {
  return (g.skeletons[id] ??= thaiSkeleton(g.places[id].th));
}

const fullKeyCache = new WeakMap<Gazetteer, Set<string>>();

/**
 * Exact Thai keys (tone marks kept) of every name and Thai alias, built on first use: tells
 * a tone-mark typo from an exact hit.
 */
export function thaiFullKeys(g: Gazetteer): Set<string> {
  let keys = fullKeyCache.get(g);
  if (!keys) {
    keys = new Set([CAPITAL_PREFIX_TH]);
    for (const p of g.places) keys.add(thaiKey(p.th));
    for (const a of PLACE_ALIASES) if (hasThai(a.name)) keys.add(thaiKey(a.name));
    fullKeyCache.set(g, keys);
  }
  return keys;
}
