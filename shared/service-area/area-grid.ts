/**
 * The coarse grid behind a {@link ServiceArea}: one byte per cell of `cellDeg` degrees
 * that tells, for the cell's centre, whether a boundary edge is near, whether it is inside
 * a shape, and how far (in `stepKm` steps) the nearest boundary is. From those bytes and
 * rigorous bounds (`rowBounds`), each cell is classified as wholly land, wholly buffer,
 * wholly outside, or mixed (exact tests only there) for any buffer up to `reachKm`.
 *
 * The bytes do not depend on the buffer, so one grid, built by the gazetteer importer for
 * all provinces, serves every configured buffer; building it takes a few hundred ms, loading
 * it well under 1 ms.
 *
 * Distances are equirectangular km (`segmentDistanceKm`, the formula the reverse geocoder
 * uses), computed at the latitude of the point measured from.
 */
import {
  KM_PER_DEG_LAT,
  kmPerDegLon,
  segmentDistanceKm,
  shapeContains,
  type ProvinceShape,
} from '../geocoder/province-shapes.js';
import { ServiceAreaError } from './errors.js';

/** Cell edge in degrees: ~5.5 km, so ~71,000 cells cover Thailand plus 100 km around it. */
export const GRID_CELL_DEG = 0.05;
/** Resolution of the stored centre distances, km. */
export const GRID_STEP_KM = 0.5;
/** Code of a centre at least the grid's `farKm` from every boundary (farther ones are not searched). */
export const CODE_FAR = 253;
/** Code of a cell that a boundary edge may cross, or that lies within the slack of one. */
export const CODE_NEAR = 254;
/** Code of a cell wholly inside a shape (no edge near it). */
export const CODE_LAND = 255;
/** Margin for rounding in every bound, km (10^-3 km = 1 m; rounding errors are ~10^-12 km). */
export const GRID_MARGIN_KM = 1e-3;
/** Largest grid a caller may build at run time (2 M cells = 2 MB, a few seconds). */
export const GRID_MAX_CELLS = 2_000_000;
/** Edge buckets of the builder's nearest-edge search, in cells per bucket side. */
const BUCKET_CELLS = 2;

/** A decoded grid. Cell (row, col) spans [west + col*cellDeg, +cellDeg] x [south + row*cellDeg, +cellDeg]. */
export interface AreaGrid {
  /** Longitude of the west edge of column 0, degrees. */
  west: number;
  /** Latitude of the south edge of row 0, degrees. */
  south: number;
  /** Cell edge, degrees. */
  cellDeg: number;
  cols: number;
  rows: number;
  /** Resolution of the stored distances, km. */
  stepKm: number;
  /** Boundary slack that counts as land, km (the reverse geocoder's `BOUNDARY_SLACK_KM`). */
  slackKm: number;
  /** Every point outside the grid is more than this far from the area's boundaries, km. */
  reachKm: number;
  /**
   * Centres coded `CODE_FAR` are at least this far from every boundary, km: far enough that
   * all their points are beyond `reachKm` (`farKm / rho - rKm > reachKm`).
   */
  farKm: number;
  /**
   * Code of cell i (row-major from the south-west): `CODE_LAND`, `CODE_NEAR` or a distance
   * step. A stored grid decodes cells on demand, so loading it costs nothing per cell.
   */
  codeAt(i: number): number;
}

/** A grid as stored in the gazetteer index: the codes as base64, one byte per cell. */
export interface SerializedAreaGrid extends Omit<AreaGrid, 'codeAt'> {
  codes: string;
}

/** Bounds that hold for every point of a grid row, from its latitude range. */
export interface RowBounds {
  /** Largest distance from a cell's centre to a point of the cell, km (at any scale of the row). */
  rKm: number;
  /** Largest ratio between the km-per-degree-of-longitude scales of two points of the row. */
  rho: number;
  /** Smallest km per degree of longitude in the row. */
  kxMin: number;
}

/**
 * Bounds for row `row` of a grid. A point p of a cell and its centre c measure distances
 * with their own longitude scales kx(p), kx(c); both lie in [kxMin, kxMax] of the row, so
 * `dist_p(p, q) >= dist_c(c, q) / rho - rKm` and `<= rho * dist_c(c, q) + rKm` for any q.
 */
export function rowBounds(south: number, cellDeg: number, row: number): RowBounds {
  const y0 = south + row * cellDeg;
  const y1 = y0 + cellDeg;
  const k0 = kmPerDegLon(y0);
  const k1 = kmPerDegLon(y1);
  const kxMax = y0 <= 0 && y1 >= 0 ? kmPerDegLon(0) : Math.max(k0, k1);
  const kxMin = Math.max(Math.min(k0, k1), 1e-9);
  const half = cellDeg / 2;
  return { rKm: Math.hypot(half * kxMax, half * KM_PER_DEG_LAT), rho: kxMax / kxMin, kxMin };
}

/**
 * A cell whose centre is farther than this from every edge has no edge in it and no point
 * within `slackKm` of an edge: `dist >= e / rho - rKm > slackKm`.
 */
export function nearKm(b: RowBounds, slackKm: number): number {
  return b.rho * (b.rKm + slackKm) + GRID_MARGIN_KM;
}

/** Options of {@link buildAreaGrid}. */
export interface AreaGridOptions {
  /** The grid must cover every point this close to a boundary, km (the largest buffer served + 1). */
  reachKm: number;
  /** Boundary slack that counts as land, km. */
  slackKm: number;
  /** Cell edge, degrees (default {@link GRID_CELL_DEG}). */
  cellDeg?: number;
}

/** Distance edges (consecutive vertices of each ring, as `distanceToShapeKm` walks them) as [x1, y1, x2, y2]. */
function collectEdges(shapes: readonly ProvinceShape[]): { edges: Float64Array; bbox: number[] } {
  let n = 0;
  for (const s of shapes) {
    for (const r of s.rings) {
      if (r.length < 8 || r[0] !== r[r.length - 2] || r[1] !== r[r.length - 1]) {
        throw new ServiceAreaError(
          `shape ${s.code} has a ring that is not closed or has fewer than 4 positions: repeat the first position at the end of every ring`,
        );
      }
      n += r.length / 2 - 1;
    }
  }
  if (n === 0) throw new ServiceAreaError('the service area has no boundary: give at least one Polygon with a ring');
  const edges = new Float64Array(n * 4);
  const bbox = [Infinity, Infinity, -Infinity, -Infinity];
  let k = 0;
  for (const s of shapes) {
    for (const r of s.rings) {
      for (let i = 2; i < r.length; i += 2) {
        edges[k++] = r[i - 2];
        edges[k++] = r[i - 1];
        edges[k++] = r[i];
        edges[k++] = r[i + 1];
      }
      for (let i = 0; i < r.length; i += 2) {
        bbox[0] = Math.min(bbox[0], r[i]);
        bbox[1] = Math.min(bbox[1], r[i + 1]);
        bbox[2] = Math.max(bbox[2], r[i]);
        bbox[3] = Math.max(bbox[3], r[i + 1]);
      }
    }
  }
  return { edges, bbox };
}

/** Edges grouped by bucket (CSR): `items[start[b] .. start[b + 1])` are the edge numbers of bucket b. */
interface Buckets {
  cols: number;
  rows: number;
  deg: number;
  start: Int32Array;
  items: Int32Array;
}

function bucketEdges(
  edges: Float64Array,
  west: number,
  south: number,
  cols: number,
  rows: number,
  deg: number,
): Buckets {
  const n = edges.length / 4;
  const clampCol = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - west) / deg)));
  const clampRow = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - south) / deg)));
  const start = new Int32Array(cols * rows + 1);
  const visit = (e: number, f: (b: number) => void) => {
    const c0 = clampCol(Math.min(edges[4 * e], edges[4 * e + 2]));
    const c1 = clampCol(Math.max(edges[4 * e], edges[4 * e + 2]));
    const r0 = clampRow(Math.min(edges[4 * e + 1], edges[4 * e + 3]));
    const r1 = clampRow(Math.max(edges[4 * e + 1], edges[4 * e + 3]));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f(r * cols + c);
  };
  for (let e = 0; e < n; e++) visit(e, (b) => start[b + 1]++);
  for (let b = 0; b < cols * rows; b++) start[b + 1] += start[b];
  const fill = start.slice(0, cols * rows);
  const items = new Int32Array(start[cols * rows]);
  for (let e = 0; e < n; e++) visit(e, (b) => (items[fill[b]++] = e));
  return { cols, rows, deg, start, items };
}

/**
 * Distance from (lat, lon) to the nearest edge, searched ring by ring of buckets; stops as
 * soon as the answer is known to be `<= nearStop` or `> stopAt` (then returns a value > stopAt).
 */
function nearestEdgeKm(
  edges: Float64Array,
  b: Buckets,
  west: number,
  south: number,
  lat: number,
  lon: number,
  nearStop: number,
  stopAt: number,
): number {
  const kx = kmPerDegLon(lat);
  // Points of a bucket k rings away differ from (lat, lon) by >= (k - 1) buckets in lon or lat.
  const ringKm = Math.min(kx, KM_PER_DEG_LAT) * b.deg;
  const bc = Math.floor((lon - west) / b.deg);
  const br = Math.floor((lat - south) / b.deg);
  const maxK = Math.max(bc, b.cols - 1 - bc, br, b.rows - 1 - br);
  let best = Infinity;
  for (let k = 0; k <= maxK; k++) {
    const lb = k === 0 ? 0 : (k - 1) * ringKm;
    if (lb > best || lb > stopAt) break;
    for (let r = br - k; r <= br + k; r++) {
      if (r < 0 || r >= b.rows) continue;
      const edgeRow = r === br - k || r === br + k;
      // The top and bottom rows of the ring are walked whole, the others at both ends only.
      for (let c = bc - k; c <= bc + k; c += edgeRow ? 1 : 2 * k) {
        if (c < 0 || c >= b.cols) continue;
        const cell = r * b.cols + c;
        for (let i = b.start[cell]; i < b.start[cell + 1]; i++) {
          const e = 4 * b.items[i];
          const d = segmentDistanceKm(edges[e], edges[e + 1], edges[e + 2], edges[e + 3], lat, lon, kx);
          if (d < best) best = d;
        }
      }
    }
    if (best <= nearStop) break;
  }
  return best;
}

/**
 * Where the grid lies and how many cells it has: the shapes' bounding box `bbox` ([west,
 * south, east, north]) grown by `reachKm`, snapped outwards to whole cells.
 * @throws ServiceAreaError when the area is near a pole, crosses the antimeridian, or the grid
 *   would exceed {@link GRID_MAX_CELLS}.
 */
function gridFrame(
  bbox: number[],
  reachKm: number,
  cellDeg: number,
): { west: number; south: number; cols: number; rows: number } {
  // One extra cell on every side keeps points that round into the last cell inside the reach.
  const latMargin = reachKm / KM_PER_DEG_LAT + cellDeg;
  const lat0 = bbox[1] - latMargin;
  const lat1 = bbox[3] + latMargin;
  if (lat0 < -80 || lat1 > 80) {
    throw new ServiceAreaError(
      `the service area reaches latitude ${(lat0 < -80 ? lat0 : lat1).toFixed(1)}: give an area within 80 degrees of the equator`,
    );
  }
  const lonMargin = reachKm / kmPerDegLon(Math.max(Math.abs(lat0), Math.abs(lat1))) + cellDeg;
  const west = Math.floor((bbox[0] - lonMargin) / cellDeg) * cellDeg;
  const south = Math.floor(lat0 / cellDeg) * cellDeg;
  const cols = Math.ceil((bbox[2] + lonMargin - west) / cellDeg);
  const rows = Math.ceil((lat1 - south) / cellDeg);
  if (cols * rows > GRID_MAX_CELLS || bbox[0] - lonMargin < -180 || bbox[2] + lonMargin > 180) {
    throw new ServiceAreaError(
      `the service area spans ${(bbox[2] - bbox[0]).toFixed(1)} x ${(bbox[3] - bbox[1]).toFixed(1)} degrees plus ${reachKm} km ` +
        `(${cols} x ${rows} cells, or across the antimeridian): split it into smaller areas or use a smaller buffer`,
    );
  }
  return { west, south, cols, rows };
}

/**
 * The grid's `farKm`: beyond it a centre's cell is wholly beyond `reachKm` in any row, so the
 * nearest-edge search stops there; farKm < CODE_FAR steps for reach <= 120 km.
 */
function farDistanceKm(south: number, cellDeg: number, rows: number, reachKm: number, stepKm: number): number {
  let rhoMax = 1;
  let rMax = 0;
  for (let row = 0; row < rows; row++) {
    const b = rowBounds(south, cellDeg, row);
    rhoMax = Math.max(rhoMax, b.rho);
    rMax = Math.max(rMax, b.rKm);
  }
  return rhoMax * (reachKm + rMax + GRID_MARGIN_KM) + stepKm;
}

/**
 * Builds the grid of a set of shapes (closed rings, as `expandShape` gives them). Runs in
 * ~0.5 s for all 77 provinces with a 101 km reach (done once by the gazetteer importer) and
 * in tens of ms for a few provinces at a 31 km reach.
 * @throws ServiceAreaError when a ring is not closed, the area is near a pole, or the grid
 *   would exceed {@link GRID_MAX_CELLS}.
 */
export function buildAreaGrid(shapes: readonly ProvinceShape[], options: AreaGridOptions): AreaGrid {
  const cellDeg = options.cellDeg ?? GRID_CELL_DEG;
  const { reachKm, slackKm } = options;
  if (!(reachKm > 0 && reachKm <= 120) || !(slackKm >= 0 && slackKm < 10) || !(cellDeg > 0 && cellDeg <= 0.2)) {
    throw new ServiceAreaError(
      `grid options need reachKm in (0, 120], slackKm in [0, 10), cellDeg in (0, 0.2]; got ${reachKm}, ${slackKm}, ${cellDeg}`,
    );
  }
  const { edges, bbox } = collectEdges(shapes);
  const { west, south, cols, rows } = gridFrame(bbox, reachKm, cellDeg);
  const buckets = bucketEdges(
    edges,
    west,
    south,
    Math.ceil(cols / BUCKET_CELLS),
    Math.ceil(rows / BUCKET_CELLS),
    cellDeg * BUCKET_CELLS,
  );
  const stepKm = GRID_STEP_KM;
  const farKm = farDistanceKm(south, cellDeg, rows, reachKm, stepKm);
  const codes = new Uint8Array(cols * rows);
  for (let row = 0; row < rows; row++) {
    const lat = south + (row + 0.5) * cellDeg;
    const near = nearKm(rowBounds(south, cellDeg, row), slackKm);
    const rowShapes = shapes.filter((s) => s.bbox[1] <= lat && lat <= s.bbox[3]);
    for (let col = 0; col < cols; col++) {
      const lon = west + (col + 0.5) * cellDeg;
      const inside = rowShapes.some((s) => shapeContains(s, lat, lon));
      // Inside: only "is an edge near?" matters. Outside: the distance, up to the far code.
      const e = nearestEdgeKm(edges, buckets, west, south, lat, lon, near, inside ? near : farKm);
      codes[row * cols + col] =
        e <= near ? CODE_NEAR : inside ? CODE_LAND : e >= farKm ? CODE_FAR : Math.floor(e / stepKm);
    }
  }
  return { west, south, cellDeg, cols, rows, stepKm, slackKm, reachKm, farKm, codeAt: (i) => codes[i] };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Base64 character code -> its 6 bits ('=' and anything else -> 0). */
const SEXTET = new Uint8Array(128);
for (let i = 0; i < BASE64.length; i++) SEXTET[BASE64.charCodeAt(i)] = i;

/** The grid with its codes as base64, for the JSON index. */
export function encodeAreaGrid(grid: AreaGrid): SerializedAreaGrid {
  const { west, south, cellDeg, cols, rows, stepKm, slackKm, reachKm, farKm } = grid;
  const n = cols * rows;
  const byte = (i: number) => (i < n ? grid.codeAt(i) : 0);
  const out: string[] = [];
  // Standard base64 by hand: 3 bytes -> 4 characters, '=' padding (shared/ has no btoa).
  for (let i = 0; i < n; i += 3) {
    const triple = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out.push(
      BASE64[(triple >> 18) & 63]!,
      BASE64[(triple >> 12) & 63]!,
      i + 1 < n ? BASE64[(triple >> 6) & 63]! : '=',
      i + 2 < n ? BASE64[triple & 63]! : '=',
    );
  }
  return { west, south, cellDeg, cols, rows, stepKm, slackKm, reachKm, farKm, codes: out.join('') };
}

/**
 * Wraps a stored grid: cells are read straight from the base64 text (4 characters hold 3
 * cells), so loading costs no pass over the ~71,000 cells.
 * @throws ServiceAreaError when the stored grid is malformed (rebuild the index).
 */
export function decodeAreaGrid(stored: SerializedAreaGrid): AreaGrid {
  const { west, south, cellDeg, cols, rows, stepKm, slackKm, reachKm, farKm, codes } =
    stored ?? ({} as SerializedAreaGrid);
  const nums = [west, south, cellDeg, cols, rows, stepKm, slackKm, reachKm, farKm];
  if (!nums.every(Number.isFinite) || typeof codes !== 'string' || !(cellDeg > 0) || !(cols > 0) || !(rows > 0)) {
    throw new ServiceAreaError('stored service-area grid is malformed: rebuild the index with "npm run gazetteer"');
  }
  if (codes.length !== 4 * Math.ceil((cols * rows) / 3)) {
    throw new ServiceAreaError(
      `stored service-area grid has ${codes.length} base64 characters, expected ${4 * Math.ceil((cols * rows) / 3)} ` +
        `for ${cols} x ${rows} cells: rebuild the index with "npm run gazetteer"`,
    );
  }
  const codeAt = (i: number): number => {
    const group = (i / 3) | 0;
    const p = 4 * group;
    const bits =
      (SEXTET[codes.charCodeAt(p)] << 18) |
      (SEXTET[codes.charCodeAt(p + 1)] << 12) |
      (SEXTET[codes.charCodeAt(p + 2)] << 6) |
      SEXTET[codes.charCodeAt(p + 3)];
    return (bits >> (16 - 8 * (i - 3 * group))) & 255;
  };
  return { west, south, cellDeg, cols, rows, stepKm, slackKm, reachKm, farKm, codeAt };
}
