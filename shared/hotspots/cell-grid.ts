/**
 * The uniform lat/lon grid behind the exact DBSCAN (dbscan.ts): points sorted by cell in
 * flat typed arrays (kdbush-style), occupied cells listed in key order, and a neighbour-cell
 * lookup by one binary search per grid row. Cells are `fraction` x eps on a side (in km,
 * at the latitude nearest the equator), so with `fraction` < 1/sqrt(2) any two points of a
 * cell are within eps of each other and inside each other's turf query box.
 */
import type { NeighbourMetric } from './turf-metric.js';

/** Points grouped by grid cell. Cell ids run over occupied cells in key order. */
export interface CellGrid {
  /** Point indices sorted by cell; after `partitionCoresFirst`, cores lead each cell. */
  order: Int32Array;
  /** Cell id of each point. */
  cellOf: Int32Array;
  /** `order[cellStart[c] .. cellStart[c + 1])` are the points of cell `c`. */
  cellStart: Int32Array;
  /** `order[cellStart[c] .. coreEnd[c])` are the core points of cell `c`. */
  coreEnd: Int32Array;
  /** Number of occupied cells. */
  cellCount: number;
  /** Output buffer of `neighbourCells`. */
  scratch: Int32Array;
  /** Writes into `scratch` the ids of occupied cells that may hold neighbours of cell `c` (itself included); returns how many. */
  neighbourCells(c: number): number;
  /** Reorders each cell's points so that cores come first and fills `coreEnd`. */
  partitionCoresFirst(core: Uint8Array): void;
  /**
   * False when no point of cell `c` can be within eps of a point of cell `d` (a rigorous
   * haversine lower bound from the cells' extents, with a 1e-9 relative margin).
   */
  mayMeet(c: number, d: number): boolean;
}

/** Builds the grid, or null when its keys would not fit exactly in a double. */
export function buildCellGrid(
  lats: Float64Array,
  lons: Float64Array,
  metric: NeighbourMetric,
  fraction: number,
): CellGrid | null {
  const n = lats.length;
  const b = bounds(lats, lons, metric.lonDeg);
  const latCell = fraction * metric.latDeg;
  // Narrowest lon extent of a cell in km is at the latitude closest to the equator.
  const lonCell = latCell / Math.cos((b.minAbsLat * Math.PI) / 180);
  const rows = Math.floor((b.maxLat - b.minLat) / latCell) + 1;
  const cols = Math.floor((b.maxLon - b.minLon) / lonCell) + 1;
  if (rows * cols * n >= Number.MAX_SAFE_INTEGER) return null;
  // Query reach, widened by a relative 1e-9 that dwarfs rounding (~1e-16) so that every
  // pair turf could test, in either direction, lands in each other's neighbour range.
  const reachLat = metric.latDeg * (1 + 1e-9);
  const reachLon = b.maxLonDeg * (1 + 1e-9);
  const { order, cellOf, cellKeys, cellStart, dense } = indexCells(lats, lons, b, { latCell, lonCell, rows, cols });
  const cellCount = cellKeys.length;
  const ext = cellExtents(lats, lons, order, cellStart);
  const scratch = new Int32Array(cellCount);
  const coreEnd = new Int32Array(cellCount);

  // Rows and columns reachable from the extreme points of cell `c` (floor of a monotone
  // expression, the same one that binned the points, so no reachable cell is missed).
  const neighbourCells = (c: number): number => {
    const rowLo = Math.max(0, Math.floor((ext.minLat[c] - reachLat - b.minLat) / latCell));
    const rowHi = Math.min(rows - 1, Math.floor((ext.maxLat[c] + reachLat - b.minLat) / latCell));
    const colLo = Math.max(0, Math.floor((ext.minLon[c] - reachLon - b.minLon) / lonCell));
    const colHi = Math.min(cols - 1, Math.floor((ext.maxLon[c] + reachLon - b.minLon) / lonCell));
    let count = 0;
    if (dense) {
      for (let row = rowLo; row <= rowHi; row++) {
        for (let key = row * cols + colLo, end = row * cols + colHi; key <= end; key++) {
          const d = dense[key];
          if (d >= 0) scratch[count++] = d;
        }
      }
      return count;
    }
    for (let row = rowLo; row <= rowHi; row++) {
      const hi = row * cols + colHi;
      let t = lowerBound(cellKeys, row * cols + colLo);
      while (t < cellCount && cellKeys[t] <= hi) scratch[count++] = t++;
    }
    return count;
  };

  const partitionCoresFirst = (core: Uint8Array): void => {
    for (let c = 0; c < cellCount; c++) {
      let w = cellStart[c];
      for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
        const p = order[k];
        if (!core[p]) continue;
        order[k] = order[w];
        order[w++] = p;
      }
      coreEnd[c] = w;
    }
  };

  // sin^2 of half of eps as an angle, widened by 1e-9: a haversine `a` above it is beyond eps.
  const aMax = Math.sin((((metric.latDeg * Math.PI) / 180) * (1 + 1e-9)) / 2) ** 2;
  const mayMeet = (c: number, d: number): boolean => {
    const dLat = Math.max(0, ext.minLat[d] - ext.maxLat[c], ext.minLat[c] - ext.maxLat[d]);
    const dLon = Math.max(0, ext.minLon[d] - ext.maxLon[c], ext.minLon[c] - ext.maxLon[d]);
    const sLat = Math.sin((dLat * Math.PI) / 360);
    const sLon = Math.sin((dLon * Math.PI) / 360);
    return sLat * sLat + ext.cosFar[c] * ext.cosFar[d] * sLon * sLon <= aMax;
  };

  return { order, cellOf, cellStart, coreEnd, cellCount, scratch, neighbourCells, partitionCoresFirst, mayMeet };
}

/** Bins points into cells: points ordered by cell, cell keys and starts, optional dense table. */
function indexCells(
  lats: Float64Array,
  lons: Float64Array,
  b: { minLat: number; minLon: number },
  g: { latCell: number; lonCell: number; rows: number; cols: number },
) {
  const n = lats.length;
  const keyOf = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    keyOf[p] = Math.floor((lats[p] - b.minLat) / g.latCell) * g.cols + Math.floor((lons[p] - b.minLon) / g.lonCell);
  }
  // A dense key -> cell table when the grid is small (the usual case): counting sort and no
  // binary searches. Otherwise points are sorted by (key, index) packed in one double.
  const dense = g.rows * g.cols <= Math.max(4 * n, 1 << 20) ? new Int32Array(g.rows * g.cols + 1) : null;
  const order = dense ? countingOrder(keyOf, dense) : sortedOrder(keyOf);
  const cellOf = new Int32Array(n);
  const keysAll = new Float64Array(n);
  const startsAll = new Int32Array(n + 1);
  let cellCount = 0;
  let last = -1;
  for (let k = 0; k < n; k++) {
    const p = order[k];
    if (keyOf[p] !== last) {
      last = keyOf[p];
      keysAll[cellCount] = last;
      startsAll[cellCount++] = k;
    }
    cellOf[p] = cellCount - 1;
  }
  startsAll[cellCount] = n;
  const cellKeys = keysAll.subarray(0, cellCount);
  if (dense) {
    dense.fill(-1);
    for (let c = 0; c < cellCount; c++) dense[cellKeys[c]] = c;
  }
  return { order, cellOf, cellKeys, cellStart: startsAll.subarray(0, cellCount + 1), dense };
}

function cellExtents(lats: Float64Array, lons: Float64Array, order: Int32Array, cellStart: Int32Array) {
  const cellCount = cellStart.length - 1;
  const minLat = new Float64Array(cellCount);
  const maxLat = new Float64Array(cellCount);
  const minLon = new Float64Array(cellCount);
  const maxLon = new Float64Array(cellCount);
  // cos of the latitude farthest from the equator: the smallest cos factor of the cell.
  const cosFar = new Float64Array(cellCount);
  for (let c = 0; c < cellCount; c++) {
    let a = Infinity;
    let z = -Infinity;
    let l = Infinity;
    let r = -Infinity;
    for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
      const p = order[k];
      a = Math.min(a, lats[p]);
      z = Math.max(z, lats[p]);
      l = Math.min(l, lons[p]);
      r = Math.max(r, lons[p]);
    }
    minLat[c] = a;
    maxLat[c] = z;
    minLon[c] = l;
    maxLon[c] = r;
    cosFar[c] = Math.cos((Math.max(Math.abs(a), Math.abs(z)) * Math.PI) / 180);
  }
  return { minLat, maxLat, minLon, maxLon, cosFar };
}

function bounds(lats: Float64Array, lons: Float64Array, lonDeg: Float64Array) {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  let maxLonDeg = 0;
  for (let p = 0; p < lats.length; p++) {
    minLat = Math.min(minLat, lats[p]);
    maxLat = Math.max(maxLat, lats[p]);
    minLon = Math.min(minLon, lons[p]);
    maxLon = Math.max(maxLon, lons[p]);
    maxLonDeg = Math.max(maxLonDeg, lonDeg[p]);
  }
  const minAbsLat = minLat <= 0 && maxLat >= 0 ? 0 : Math.min(Math.abs(minLat), Math.abs(maxLat));
  return { minLat, maxLat, minLon, maxLon, maxLonDeg, minAbsLat };
}

/** Point indices ordered by key (stable), by counting; `counts` has one slot per key + 1. */
function countingOrder(keyOf: Float64Array, counts: Int32Array): Int32Array {
  counts.fill(0);
  for (let p = 0; p < keyOf.length; p++) counts[keyOf[p] + 1]++;
  for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1];
  const order = new Int32Array(keyOf.length);
  for (let p = 0; p < keyOf.length; p++) order[counts[keyOf[p]]++] = p;
  return order;
}

/** Point indices ordered by key (stable), by sorting key * n + index as doubles. */
function sortedOrder(keyOf: Float64Array): Int32Array {
  const n = keyOf.length;
  const packed = new Float64Array(n);
  for (let p = 0; p < n; p++) packed[p] = keyOf[p] * n + p;
  packed.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = packed[k] - Math.floor(packed[k] / n) * n;
  return order;
}

// One copy per typed-array type on purpose: it runs in the engine's hottest loops, where a
// call site that sees a single array type stays monomorphic for V8.
function lowerBound(arr: Float64Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
