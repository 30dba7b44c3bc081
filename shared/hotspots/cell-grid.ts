/**
 * The uniform lat/lon grid behind the exact DBSCAN (dbscan.ts): points sorted by cell in
 * flat typed arrays (kdbush-style), occupied cells listed in key order, and a neighbour-cell
 * lookup by one binary search per grid row. Cells are `fraction` x eps tall and wide enough
 * that, with `fraction <= 0.5`, any two points of one cell are well within eps of each other
 * and inside each other's turf query box.
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
  // One extra row/column absorbs rounding in the cell index of a box edge.
  const kLat = Math.ceil(metric.latDeg / latCell) + 1;
  const kLon = Math.ceil(b.maxLonDeg / lonCell) + 1;
  const sorted = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const i = Math.floor((lats[p] - b.minLat) / latCell);
    const j = Math.floor((lons[p] - b.minLon) / lonCell);
    sorted[p] = (i * cols + j) * n + p;
  }
  sorted.sort();
  const order = new Int32Array(n);
  const cellOf = new Int32Array(n);
  const keys: number[] = [];
  const starts: number[] = [];
  let last = -1;
  for (let k = 0; k < n; k++) {
    const key = Math.floor(sorted[k] / n);
    const p = sorted[k] - key * n;
    if (key !== last) {
      keys.push(key);
      starts.push(k);
      last = key;
    }
    order[k] = p;
    cellOf[p] = keys.length - 1;
  }
  starts.push(n);
  const cellKeys = Float64Array.from(keys);
  const cellStart = Int32Array.from(starts);
  const cellCount = keys.length;
  const scratch = new Int32Array((2 * kLat + 1) * (2 * kLon + 1));
  const coreEnd = new Int32Array(cellCount);

  const neighbourCells = (c: number): number => {
    const key = cellKeys[c];
    const i = Math.floor(key / cols);
    const j = key - i * cols;
    let count = 0;
    for (let row = Math.max(0, i - kLat); row <= Math.min(rows - 1, i + kLat); row++) {
      const hi = row * cols + Math.min(cols - 1, j + kLon);
      let t = lowerBound(cellKeys, row * cols + Math.max(0, j - kLon));
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

  return { order, cellOf, cellStart, coreEnd, cellCount, scratch, neighbourCells, partitionCoresFirst };
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
