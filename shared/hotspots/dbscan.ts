/**
 * DBSCAN on geographic points that labels every point exactly as `turf.clustersDbscan`
 * (@turf/turf 7.4) does, in about n log n instead of turf's n x (region query).
 *
 * How: points are binned into a lat/lon grid whose cells are so small (half of eps on a
 * side) that any two points of a cell are certainly neighbours; a cell's points are then
 * one clique. Core points are found by counting with early exit, cells holding cores are
 * joined with a union-find when any pair of their cores are neighbours, and non-core points
 * take the lowest cluster id among cores that reach them. Every pair that is actually tested
 * uses turf's own arithmetic (turf-metric.ts), so pairs at exactly eps fall the same way.
 *
 * Turf's labels, reproduced on purpose (see node_modules/@turf/clusters-dbscan):
 * - `minPoints` counts the point itself; `0`/absent means 3 (`options.minPoints || 3`).
 * - clusters are numbered in the order of their lowest-index core point;
 * - a non-core point joins the cluster with the lowest id that has a core within eps of it;
 * - its label is `edge` only when turf's scan reached it before that cluster formed (its
 *   index is below the cluster's first core); otherwise turf labels it `core`.
 * Turf's neighbour test is not symmetric at the ulp level (the query box is built around one
 * point, and the haversine multiplies cosines in caller order). When a tested pair of cores
 * disagrees, or the input is outside the grid's safe range (eps over ~1100 km, latitudes past
 * 80°), the exact port of turf's algorithm in dbscan-reference.ts runs instead.
 */
import type { LatLon } from '../types.js';
import { dbscanReference, type DbscanLabels } from './dbscan-reference.js';
import { HotspotInputError } from './errors.js';
import { buildCellGrid, type CellGrid } from './cell-grid.js';
import { neighbourMetric, type LengthUnit, type NeighbourMetric } from './turf-metric.js';

export type { DbscanLabels } from './dbscan-reference.js';
export type { LengthUnit } from './turf-metric.js';

/** `kind` value of a point turf labels `core`. */
export const KIND_CORE = 0;
/** `kind` value of a point turf labels `edge`. */
export const KIND_EDGE = 1;
/** `kind` value of a point turf labels `noise` (its `cluster` is -1). */
export const KIND_NOISE = 2;
/** Turf's names for the `kind` values, indexed by kind. */
export const KIND_LABELS = ['core', 'edge', 'noise'] as const;

/** Points as `{lat, lon}` objects or as parallel degree arrays. */
export type DbscanPoints = ArrayLike<LatLon> | { lats: ArrayLike<number>; lons: ArrayLike<number> };

/** Options of {@link dbscan}. */
export interface DbscanOptions {
  /** Neighbourhood radius in km (turf's `maxDistance` with `units: 'kilometers'`). */
  epsKm: number;
  /** Neighbours needed for a core point, the point itself included; 0 means turf's 3. */
  minPoints: number;
}

/**
 * Grid cell side as a fraction of eps. Below 1/sqrt(2) every cell is a clique; 0.7 leaves a 1 %
 * margin, ample for eps up to 1° (curvature error ~3e-4); larger eps take 0.5.
 */
const cellFraction = (latDeg: number) => (latDeg <= 1 ? 0.7 : 0.5);
/** Largest eps, in degrees of latitude, for the grid path (~1100 km). */
const MAX_GRID_LAT_DEG = 10;
/** Largest |latitude| + eps in degrees for the grid path; beyond it turf's box clamps. */
const MAX_GRID_ABS_LAT = 80;

/**
 * Clusters points with DBSCAN, labels identical to `turf.clustersDbscan(fc, epsKm,
 * {minPoints})`. Returns per input index `cluster` (-1 noise, else turf's 0-based id) and
 * `kind` ({@link KIND_CORE}, {@link KIND_EDGE}, {@link KIND_NOISE}), plus `core` (true density
 * core) and `clusterCount`. Throws {@link HotspotInputError} on non-finite input.
 */
export function dbscan(points: DbscanPoints, options: DbscanOptions): DbscanLabels {
  return dbscanTurf(points, options.epsKm, { minPoints: options.minPoints, units: 'kilometers' });
}

/**
 * Same as {@link dbscan} with turf's own signature: `maxDistance` in `units` (default
 * kilometers), for turf's fixtures that measure in miles or other units.
 */
export function dbscanTurf(
  points: DbscanPoints,
  maxDistance: number,
  options: { minPoints?: number; units?: LengthUnit } = {},
): DbscanLabels {
  if (!(maxDistance >= 0) || !Number.isFinite(maxDistance)) {
    throw new HotspotInputError(`eps must be a finite number >= 0, got ${maxDistance}`);
  }
  const { lats, lons } = toArrays(points);
  const metric = neighbourMetric(lats, lons, maxDistance, options.units ?? 'kilometers');
  return dbscanWithMetric(lats, lons, metric, options.minPoints || 3);
}

/** The algorithm on prepared arrays and metric (cluster-tips.ts reuses the metric). */
export function dbscanWithMetric(
  lats: Float64Array,
  lons: Float64Array,
  metric: NeighbourMetric,
  minPoints: number,
): DbscanLabels {
  const grid = gridEligible(lats, lons, metric) ? buildCellGrid(lats, lons, metric, cellFraction(metric.latDeg)) : null;
  const labels = grid ? dbscanGrid(grid, metric, minPoints) : null;
  return labels ?? dbscanReference(lats, lons, metric, minPoints);
}

function toArrays(points: DbscanPoints): { lats: Float64Array; lons: Float64Array } {
  let lats: Float64Array;
  let lons: Float64Array;
  if ('lats' in points && 'lons' in points) {
    if (points.lats.length !== points.lons.length) {
      throw new HotspotInputError('lats and lons must have the same length');
    }
    lats = points.lats instanceof Float64Array ? points.lats : Float64Array.from(points.lats);
    lons = points.lons instanceof Float64Array ? points.lons : Float64Array.from(points.lons);
  } else {
    const list = points as ArrayLike<LatLon>;
    lats = new Float64Array(list.length);
    lons = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) {
      lats[i] = list[i].lat;
      lons[i] = list[i].lon;
    }
  }
  for (let i = 0; i < lats.length; i++) {
    if (!Number.isFinite(lats[i]) || !Number.isFinite(lons[i]) || Math.abs(lats[i]) > 90) {
      throw new HotspotInputError(`point ${i} has invalid coordinates (${lats[i]}, ${lons[i]})`);
    }
  }
  return { lats, lons };
}

function gridEligible(lats: Float64Array, lons: Float64Array, metric: NeighbourMetric): boolean {
  const { latDeg, lonDeg } = metric;
  if (lats.length === 0 || !(latDeg > 0) || latDeg > MAX_GRID_LAT_DEG) return false;
  for (let i = 0; i < lats.length; i++) {
    if (Math.abs(lats[i]) + latDeg > MAX_GRID_ABS_LAT) return false;
    if (Math.abs(lons[i]) + lonDeg[i] >= 360) return false;
  }
  return true;
}

/** The grid algorithm; null when a tested pair of cores is asymmetric (use the reference). */
function dbscanGrid(grid: CellGrid, metric: NeighbourMetric, minPoints: number): DbscanLabels | null {
  const n = grid.order.length;
  const core = markCores(grid, metric, minPoints);
  grid.partitionCoresFirst(core);
  const parent = linkCoreCells(grid, metric);
  if (!parent) return null;
  const { clusterOfCell, seedOfCluster, clusterCount } = numberClusters(grid, parent, core);
  const cluster = new Int32Array(n).fill(-1);
  const kind = new Uint8Array(n).fill(KIND_NOISE);
  assignPoints(grid, metric, core, clusterOfCell, seedOfCluster, cluster, kind);
  return { cluster, kind, core, clusterCount, path: 'grid' };
}

function markCores(grid: CellGrid, metric: NeighbourMetric, minPoints: number): Uint8Array {
  const { order, cellStart, cellCount, scratch } = grid;
  const core = new Uint8Array(order.length);
  for (let c = 0; c < cellCount; c++) {
    const s = cellStart[c];
    const e = cellStart[c + 1];
    if (e - s >= minPoints) {
      for (let k = s; k < e; k++) core[order[k]] = 1;
      continue;
    }
    const nbCount = grid.neighbourCells(c);
    for (let k = s; k < e; k++) {
      const p = order[k];
      let count = e - s;
      for (let t = 0; t < nbCount && count < minPoints; t++) {
        const d = scratch[t];
        if (d === c || !grid.mayMeet(c, d)) continue;
        for (let m = cellStart[d], me = cellStart[d + 1]; m < me; m++) {
          if (metric.isNeighbour(p, order[m]) && ++count >= minPoints) break;
        }
      }
      if (count >= minPoints) core[p] = 1;
    }
  }
  return core;
}

function find(parent: Int32Array, c: number): number {
  while (parent[c] !== c) {
    parent[c] = parent[parent[c]];
    c = parent[c];
  }
  return c;
}

/** Union-find over cells holding cores; null on an asymmetric core pair. */
function linkCoreCells(grid: CellGrid, metric: NeighbourMetric): Int32Array | null {
  const { order, cellStart, coreEnd, cellCount, scratch } = grid;
  const parent = new Int32Array(cellCount);
  for (let c = 0; c < cellCount; c++) parent[c] = c;
  for (let c = 0; c < cellCount; c++) {
    if (coreEnd[c] === cellStart[c]) continue;
    const nbCount = grid.neighbourCells(c);
    for (let t = 0; t < nbCount; t++) {
      const d = scratch[t];
      if (d <= c || coreEnd[d] === cellStart[d]) continue;
      const rc = find(parent, c);
      const rd = find(parent, d);
      if (rc === rd || !grid.mayMeet(c, d)) continue;
      const link = coresLinked(order, cellStart[c], coreEnd[c], cellStart[d], coreEnd[d], metric);
      if (link < 0) return null;
      if (link > 0) parent[rd] = rc;
    }
  }
  return parent;
}

/** 1 when some core pair are mutual neighbours, 0 when none are, -1 on a one-way pair. */
function coresLinked(
  order: Int32Array,
  s1: number,
  e1: number,
  s2: number,
  e2: number,
  metric: NeighbourMetric,
): number {
  for (let i = s1; i < e1; i++) {
    const p = order[i];
    for (let j = s2; j < e2; j++) {
      const link = metric.mutual(p, order[j]);
      if (link !== 0) return link;
    }
  }
  return 0;
}

/** Turf numbers clusters by the scan order of their first core point. */
function numberClusters(grid: CellGrid, parent: Int32Array, core: Uint8Array) {
  const { cellOf, cellCount } = grid;
  const seedOfRoot = new Int32Array(cellCount).fill(-1);
  const seeds: number[] = [];
  for (let p = 0; p < core.length; p++) {
    if (!core[p]) continue;
    const r = find(parent, cellOf[p]);
    if (seedOfRoot[r] < 0) {
      seedOfRoot[r] = p;
      seeds.push(p);
    }
  }
  const idOfRoot = new Int32Array(cellCount).fill(-1);
  seeds.forEach((p, id) => (idOfRoot[find(parent, cellOf[p])] = id));
  const clusterOfCell = new Int32Array(cellCount).fill(-1);
  for (let c = 0; c < cellCount; c++) {
    if (grid.coreEnd[c] > grid.cellStart[c]) clusterOfCell[c] = idOfRoot[find(parent, c)];
  }
  return { clusterOfCell, seedOfCluster: Int32Array.from(seeds), clusterCount: seeds.length };
}

function assignPoints(
  grid: CellGrid,
  metric: NeighbourMetric,
  core: Uint8Array,
  clusterOfCell: Int32Array,
  seedOfCluster: Int32Array,
  cluster: Int32Array,
  kind: Uint8Array,
): void {
  const { order, cellStart, coreEnd, cellCount, scratch } = grid;
  for (let c = 0; c < cellCount; c++) {
    for (let k = cellStart[c]; k < coreEnd[c]; k++) {
      cluster[order[k]] = clusterOfCell[c];
      kind[order[k]] = KIND_CORE;
    }
    if (coreEnd[c] === cellStart[c + 1]) continue;
    const nbCount = grid.neighbourCells(c);
    for (let k = coreEnd[c]; k < cellStart[c + 1]; k++) {
      const p = order[k];
      // Cores of p's own cell reach p for certain; other cells are tested core by core.
      let best = clusterOfCell[c] >= 0 ? clusterOfCell[c] : 0x7fffffff;
      for (let t = 0; t < nbCount; t++) {
        const d = scratch[t];
        const id = clusterOfCell[d];
        if (d === c || id < 0 || id >= best || !grid.mayMeet(c, d)) continue;
        for (let m = cellStart[d]; m < coreEnd[d]; m++) {
          if (metric.isNeighbour(order[m], p)) {
            best = id;
            break;
          }
        }
      }
      if (best === 0x7fffffff) continue;
      cluster[p] = best;
      kind[p] = p < seedOfCluster[best] ? KIND_EDGE : KIND_CORE;
    }
  }
}
