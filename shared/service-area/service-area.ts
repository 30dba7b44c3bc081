/**
 * The service area: where Phithak clusters, publishes and texts. A point is `land` (inside
 * a shape of the area, or within the reverse geocoder's boundary slack of one), `buffer`
 * (not land, but within `bufferKm` of a shape: the sea off the coast, or the neighbouring
 * country across a border) or `outside`.
 *
 * Classification looks up a coarse grid (`area-grid.ts`): cells wholly land, buffer or
 * outside answer at once; only mixed cells run exact tests, on the few edges near the cell,
 * with the same per-edge formulas as the brute-force `classifyExact`, so the grid never
 * changes an answer.
 */
import {
  KM_PER_DEG_LAT,
  edgeFlips,
  kmPerDegLon,
  segmentDistanceKm,
  type ProvinceShape,
} from '../geocoder/province-shapes.js';
import type { LatLon } from '../types.js';
import { CODE_FAR, CODE_LAND, CODE_NEAR, GRID_MARGIN_KM, nearKm, rowBounds, type AreaGrid } from './area-grid.js';
import { ServiceAreaError } from './errors.js';

/** Where a point lies with respect to the service area. */
export type AreaClass = 'land' | 'buffer' | 'outside';

/**
 * Default buffer, km. Thailand's territorial sea is 12 nautical miles (22.2 km, UNCLOS
 * art. 3), where Thai fishing boats and their crews are inspected; 30 km adds the inshore
 * fishing grounds just beyond it and, on land, the Malaysian border towns facing the
 * southern provinces (Rantau Panjang ~1 km, Pengkalan Kubor ~1 km, Bukit Kayu Hitam ~2 km,
 * Kota Bharu ~20 km from the border), while Alor Setar (~40 km), Penang or the middle of the
 * Gulf stay outside.
 */
export const DEFAULT_BUFFER_KM = 30;

/** Largest buffer accepted, km: beyond ~100 km the "nearest tambon" no longer names a place. */
export const MAX_BUFFER_KM = 100;

/**
 * Shapes of an area, decoded on demand: `bbox` must be available without decoding, `shape`
 * may decode on first use (the gazetteer decodes its provinces lazily).
 */
export interface AreaShapes {
  /** One code per shape: the province code, or a custom area's feature code. */
  readonly codes: readonly string[];
  /** [minLon, minLat, maxLon, maxLat] of shape i, degrees; `shapeContains` tests it first. */
  bbox(i: number): readonly [number, number, number, number];
  /** Shape i with closed rings in absolute degrees. */
  shape(i: number): ProvinceShape;
}

/** A configured service area. Classification is pure and safe to share. */
export interface ServiceArea {
  /** Buffer around land that still belongs to the area, km. */
  readonly bufferKm: number;
  /** Codes of the area's shapes (province codes, or a custom area's feature codes). */
  readonly codes: readonly string[];
  /**
   * `land`, `buffer` or `outside` for a WGS84 point.
   * @throws ServiceAreaError for a point that is not finite or outside [-90, 90] x [-180, 180].
   */
  classify(point: LatLon): AreaClass;
  /** Whether the point is `land` or `buffer`. */
  contains(point: LatLon): boolean;
}

/** Cell kinds, computed on a cell's first use (0: not yet). */
const K_LAND = 1;
const K_BUFFER = 2;
const K_OUTSIDE = 3;
/** Land test needed; a point that is not land is within the buffer. */
const K_LAND_TEST = 4;
/** Land test needed, then the buffer test. */
const K_LAND_THEN_BUFFER = 5;
/** Not land anywhere in the cell; buffer test needed. */
const K_BUFFER_TEST = 6;
const CLASS_OF: readonly AreaClass[] = ['outside', 'land', 'buffer', 'outside'];

/** Degrees of slack around every bounding box test: rounding is ~1e-14 deg. */
const EPS_DEG = 1e-6;
/** Stored bounding boxes are of the source coordinates; quantised vertices may lie 0.5e-4 deg beyond. */
const QUANT_DEG = 1e-4;

/** The edges a mixed cell's exact tests need, gathered on the cell's first use. */
interface CellDetail {
  /** Per shape that may contain a point of the cell: its bbox and the ray edges [xi, yi, xj, yj]. */
  rays: Array<{ bbox: readonly [number, number, number, number]; edges: Float64Array }>;
  /** Distance edges [x1, y1, x2, y2] that may lie within the slack of the cell. */
  slack: Float64Array;
  /** Distance edges that may lie within the buffer of the cell, nearest to the centre first. */
  buffer: Float64Array;
}

/**
 * The kind of a cell for a buffer, from its buffer-independent code and the row's bounds.
 * `K_LAND_TEST`: a cell coded NEAR has an edge within `nearKm` of its centre, so every point
 * of it is within `rho * nearKm + rKm` of an edge. A distance code means the centre is
 * [code, code + 1) steps (or, coded FAR, at least `farKm`) from the nearest edge and no point
 * is land, so every point is [lo, hi] from an edge.
 */
function kindOf(grid: AreaGrid, bufferKm: number, cell: number, row: number): number {
  const code = grid.codeAt(cell);
  if (code === CODE_LAND) return K_LAND;
  const b = rowBounds(grid.south, grid.cellDeg, row);
  if (code === CODE_NEAR) {
    return b.rho * nearKm(b, grid.slackKm) + b.rKm + GRID_MARGIN_KM <= bufferKm ? K_LAND_TEST : K_LAND_THEN_BUFFER;
  }
  const far = code >= CODE_FAR;
  const lo = (far ? grid.farKm : code * grid.stepKm) / b.rho - b.rKm - GRID_MARGIN_KM;
  const hi = far ? Infinity : b.rho * (code + 1) * grid.stepKm + b.rKm + GRID_MARGIN_KM;
  return lo > bufferKm ? K_OUTSIDE : hi <= bufferKm ? K_BUFFER : K_BUFFER_TEST;
}

class GridServiceArea implements ServiceArea {
  readonly codes: readonly string[];
  private readonly kinds: Uint8Array;
  private readonly details = new Map<number, CellDetail>();

  constructor(
    private readonly shapes: AreaShapes,
    private readonly grid: AreaGrid,
    readonly bufferKm: number,
  ) {
    this.codes = shapes.codes;
    this.kinds = new Uint8Array(grid.cols * grid.rows);
  }

  classify(point: LatLon): AreaClass {
    const lat = point?.lat;
    const lon = point?.lon;
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
      throw new ServiceAreaError(
        `classify needs {lat, lon} with lat in [-90, 90] and lon in [-180, 180], got ${lat}, ${lon}: validate the point first`,
      );
    }
    const g = this.grid;
    const col = Math.floor((lon - g.west) / g.cellDeg);
    const row = Math.floor((lat - g.south) / g.cellDeg);
    // Outside the grid every point is farther than reachKm > bufferKm from every edge.
    if (col < 0 || col >= g.cols || row < 0 || row >= g.rows) return 'outside';
    const cell = row * g.cols + col;
    let kind = this.kinds[cell];
    if (kind === 0) kind = this.kinds[cell] = kindOf(g, this.bufferKm, cell, row);
    if (kind <= K_OUTSIDE) return CLASS_OF[kind];
    const d = this.details.get(cell) ?? this.detail(cell, row, col, kind);
    const kx = kmPerDegLon(lat);
    if (kind !== K_BUFFER_TEST) {
      if (this.isLand(d, lat, lon, kx)) return 'land';
      if (kind === K_LAND_TEST) return 'buffer';
    }
    const e = d.buffer;
    for (let i = 0; i < e.length; i += 4) {
      if (segmentDistanceKm(e[i], e[i + 1], e[i + 2], e[i + 3], lat, lon, kx) <= this.bufferKm) return 'buffer';
    }
    return 'outside';
  }

  contains(point: LatLon): boolean {
    return this.classify(point) !== 'outside';
  }

  /** Exactly `shapeContains` of some shape, or `distanceToShapeKm <= slack`, on the cell's edges only. */
  private isLand(d: CellDetail, lat: number, lon: number, kx: number): boolean {
    for (const { bbox, edges: r } of d.rays) {
      if (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) continue;
      let inside = false;
      for (let i = 0; i < r.length; i += 4) {
        if (edgeFlips(r[i], r[i + 1], r[i + 2], r[i + 3], lat, lon)) inside = !inside;
      }
      if (inside) return true;
    }
    const s = d.slack;
    for (let i = 0; i < s.length; i += 4) {
      if (segmentDistanceKm(s[i], s[i + 1], s[i + 2], s[i + 3], lat, lon, kx) <= this.grid.slackKm) return true;
    }
    return false;
  }

  /**
   * Gathers the edges a mixed cell needs. Ray edges: every edge whose latitude range meets
   * the cell's and that reaches east of its west side (any other edge cannot flip a ray
   * cast east from a point of the cell). Distance edges: every edge whose bounding box comes
   * within the slack or the buffer of the cell, in degrees at the row's smallest scale.
   */
  private detail(cell: number, row: number, col: number, kind: number): CellDetail {
    const g = this.grid;
    const x0 = g.west + col * g.cellDeg;
    const y0 = g.south + row * g.cellDeg;
    const x1 = x0 + g.cellDeg;
    const y1 = y0 + g.cellDeg;
    const b = rowBounds(g.south, g.cellDeg, row);
    const needLand = kind !== K_BUFFER_TEST;
    const needBuffer = kind !== K_LAND_TEST;
    const slackLon = g.slackKm / b.kxMin + EPS_DEG;
    const slackLat = g.slackKm / KM_PER_DEG_LAT + EPS_DEG;
    const bufLon = this.bufferKm / b.kxMin + EPS_DEG;
    const bufLat = this.bufferKm / KM_PER_DEG_LAT + EPS_DEG;
    const reachLon = Math.max(needLand ? slackLon : 0, needBuffer ? bufLon : 0) + QUANT_DEG;
    const reachLat = Math.max(needLand ? slackLat : 0, needBuffer ? bufLat : 0) + QUANT_DEG;
    const rays: CellDetail['rays'] = [];
    const slack: number[] = [];
    const buffer: Array<[number, number, number, number, number]> = [];
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const kxc = kmPerDegLon(cy);
    for (let s = 0; s < this.shapes.codes.length; s++) {
      const bb = this.shapes.bbox(s);
      if (bb[0] > x1 + reachLon || bb[2] < x0 - reachLon || bb[1] > y1 + reachLat || bb[3] < y0 - reachLat) continue;
      const shape = this.shapes.shape(s);
      const mayContain =
        needLand && bb[0] <= x1 + EPS_DEG && bb[2] >= x0 - EPS_DEG && bb[1] <= y1 + EPS_DEG && bb[3] >= y0 - EPS_DEG;
      const ray: number[] = [];
      for (const r of shape.rings) {
        if (mayContain) pushRayEdges(r, x0, y0, y1, ray);
        // The pairs distanceToShapeKm walks: consecutive vertices.
        for (let i = 2; i < r.length; i += 2) {
          const [ax, ay, bx, by] = [r[i - 2], r[i - 1], r[i], r[i + 1]];
          const minX = Math.min(ax, bx);
          const maxX = Math.max(ax, bx);
          const minY = Math.min(ay, by);
          const maxY = Math.max(ay, by);
          if (
            needLand &&
            minX <= x1 + slackLon &&
            maxX >= x0 - slackLon &&
            minY <= y1 + slackLat &&
            maxY >= y0 - slackLat
          ) {
            slack.push(ax, ay, bx, by);
          }
          if (needBuffer && minX <= x1 + bufLon && maxX >= x0 - bufLon && minY <= y1 + bufLat && maxY >= y0 - bufLat) {
            buffer.push([ax, ay, bx, by, segmentDistanceKm(ax, ay, bx, by, cy, cx, kxc)]);
          }
        }
      }
      if (ray.length) rays.push({ bbox: shape.bbox, edges: Float64Array.from(ray) });
    }
    const detail = packedDetail(rays, slack, buffer);
    this.details.set(cell, detail);
    return detail;
  }
}

/**
 * Appends to `out` the edges of ring `r` that can flip a ray cast east from a point of the
 * cell whose west side is `x0` and latitudes `y0`..`y1`. They are the pairs shapeContains walks
 * (vertex i and the one before it, wrapping), so the cell's land test agrees with it.
 */
function pushRayEdges(r: Float64Array, x0: number, y0: number, y1: number, out: number[]): void {
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    const [xi, yi, xj, yj] = [r[i], r[i + 1], r[j], r[j + 1]];
    if (Math.max(yi, yj) < y0 - EPS_DEG || Math.min(yi, yj) > y1 + EPS_DEG) continue;
    if (Math.max(xi, xj) < x0 - EPS_DEG) continue;
    out.push(xi, yi, xj, yj);
  }
}

/**
 * A cell's gathered edges as flat arrays; buffer edges (`[x1, y1, x2, y2, km from the centre]`)
 * sorted nearest first, since a point within the buffer usually stops at the first few.
 */
function packedDetail(
  rays: CellDetail['rays'],
  slack: number[],
  buffer: Array<[number, number, number, number, number]>,
): CellDetail {
  buffer.sort((p, q) => p[4] - q[4]);
  return {
    rays,
    slack: Float64Array.from(slack),
    buffer: Float64Array.from(buffer.flatMap((e) => e.slice(0, 4))),
  };
}

/**
 * Checks a buffer option: a finite number of km in [0, {@link MAX_BUFFER_KM}].
 * @throws ServiceAreaError with how to fix it.
 */
export function checkBufferKm(bufferKm: unknown): number {
  if (typeof bufferKm !== 'number' || !Number.isFinite(bufferKm) || bufferKm < 0 || bufferKm > MAX_BUFFER_KM) {
    throw new ServiceAreaError(
      `bufferKm must be a number of km from 0 to ${MAX_BUFFER_KM}, got ${String(bufferKm)}: ` +
        `leave it out for the default ${DEFAULT_BUFFER_KM} km`,
    );
  }
  return bufferKm;
}

/**
 * A service area over `shapes`, classified with `grid` (built by `buildAreaGrid` from the
 * same shapes) for a buffer of `bufferKm`.
 * @throws ServiceAreaError when the buffer is out of range or beyond the grid's reach.
 */
export function createServiceArea(shapes: AreaShapes, grid: AreaGrid, bufferKm: number): ServiceArea {
  checkBufferKm(bufferKm);
  if (bufferKm >= grid.reachKm) {
    throw new ServiceAreaError(
      `the grid reaches ${grid.reachKm} km but the buffer is ${bufferKm} km: build the grid with reachKm > bufferKm`,
    );
  }
  return new GridServiceArea(shapes, grid, bufferKm);
}
