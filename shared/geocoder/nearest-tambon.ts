/**
 * The nearest tambon centroid to a point anywhere (not only inside a province), for naming
 * places at sea or across a border: "sea near ต.บางนาค, ~6 km". A uniform grid of 0.1 degree
 * cells over the centroids (flat typed arrays, built on first use in ~1 ms), searched ring
 * by ring outwards with a rigorous haversine lower bound, so the answer is the exact
 * haversine nearest and no query allocates.
 *
 * Tambons whose centroid is only their province's (Bueng Kan's 53: the CSV has none) are
 * left out: all would sit on one point. A province with no real tambon centroid takes part
 * as itself, at that centroid, so a point near Bueng Kan is named to the province only.
 */
import { EARTH_RADIUS_KM, haversineKmRaw } from '../geo/haversine.js';
import { ancestorAt, type Gazetteer } from './gazetteer.js';

/** Grid cell edge, degrees (~11 km: a cell and its 8 neighbours hold ~15 centroids). */
const CELL_DEG = 0.1;
const RAD = Math.PI / 180;
/** km per degree along a meridian on the haversine sphere, rounded down (111.195 -> 111.19). */
const KM_PER_DEG_MERIDIAN = 111.19;

interface CentroidGrid {
  /** Place index, latitude and longitude of each indexed centroid, sorted by cell. */
  ids: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Centroids of cell c are [start[c], start[c + 1]). */
  start: Int32Array;
  west: number;
  south: number;
  cols: number;
  rows: number;
  /** Largest |latitude| of any centroid, degrees. */
  maxAbsLat: number;
}

const grids = new WeakMap<Gazetteer, CentroidGrid>();

function indexedPlaces(g: Gazetteer): number[] {
  const estimated = new Set(g.estimatedCentroids);
  const ids: number[] = [];
  const named = new Set<number>();
  g.places.forEach((p, i) => {
    if (p.level !== 2 || estimated.has(p.code)) return;
    ids.push(i);
    named.add(ancestorAt(g, i, 0));
  });
  g.places.forEach((p, i) => {
    if (p.level === 0 && !named.has(i) && g.children[i].length > 0) ids.push(i);
  });
  return ids;
}

function buildGrid(g: Gazetteer): CentroidGrid {
  const places = indexedPlaces(g);
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const i of places) {
    const { lat, lon } = g.places[i];
    [west, south, east, north] = [Math.min(west, lon), Math.min(south, lat), Math.max(east, lon), Math.max(north, lat)];
  }
  const cols = Math.floor((east - west) / CELL_DEG) + 1;
  const rows = Math.floor((north - south) / CELL_DEG) + 1;
  const cellOf = (i: number) =>
    Math.floor((g.places[i].lat - south) / CELL_DEG) * cols + Math.floor((g.places[i].lon - west) / CELL_DEG);
  const start = new Int32Array(cols * rows + 1);
  for (const i of places) start[cellOf(i) + 1]++;
  for (let c = 0; c < cols * rows; c++) start[c + 1] += start[c];
  const fill = start.slice(0, cols * rows);
  const n = places.length;
  const [ids, lat, lon] = [new Int32Array(n), new Float64Array(n), new Float64Array(n)];
  for (const i of places) {
    const k = fill[cellOf(i)]++;
    [ids[k], lat[k], lon[k]] = [i, g.places[i].lat, g.places[i].lon];
  }
  const maxAbsLat = Math.max(Math.abs(south), Math.abs(north));
  return { ids, lat, lon, start, west, south, cols, rows, maxAbsLat };
}

/**
 * The tambon (place index) whose centroid is nearest to the point by haversine distance,
 * with that distance in km (ties: the lower place index); null for a gazetteer without
 * centroids.
 */
export function nearestTambon(g: Gazetteer, point: { lat: number; lon: number }): { id: number; km: number } | null {
  let grid = grids.get(g);
  if (!grid) {
    grid = buildGrid(g);
    grids.set(g, grid);
  }
  const { lat, lon } = point;
  const { cols, rows, start } = grid;
  const cr = Math.min(rows - 1, Math.max(0, Math.floor((lat - grid.south) / CELL_DEG)));
  const cc = Math.min(cols - 1, Math.max(0, Math.floor((lon - grid.west) / CELL_DEG)));
  // Lower bounds for centroids k rings out, which differ by >= (k - 1) cells in latitude or
  // longitude: R * dLat along a meridian, and from the haversine formula
  // sin(d / 2R) >= cos(maxLat) * sin(dLon / 2) with maxLat the largest |latitude| of the two.
  const cosMax = Math.cos(Math.max(grid.maxAbsLat, Math.min(90, Math.abs(lat))) * RAD);
  const maxK = Math.max(cr, rows - 1 - cr, cc, cols - 1 - cc);
  let best = -1;
  let bestKm = Infinity;
  for (let k = 0; k <= maxK; k++) {
    if (k >= 2) {
      const gap = ((k - 1) * CELL_DEG * RAD) / 2;
      const latKm = 2 * EARTH_RADIUS_KM * gap;
      const lonKm = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, cosMax * Math.sin(gap)));
      if (Math.min(latKm, lonKm) > bestKm) break;
    }
    for (let r = cr - k; r <= cr + k; r++) {
      if (r < 0 || r >= rows) continue;
      const whole = r === cr - k || r === cr + k;
      for (let c = cc - k; c <= cc + k; c += whole ? 1 : 2 * k) {
        if (c < 0 || c >= cols) continue;
        for (let j = start[r * cols + c]; j < start[r * cols + c + 1]; j++) {
          // The meridian distance is a lower bound: a centroid that far in latitude cannot win.
          if (Math.abs(grid.lat[j] - lat) * KM_PER_DEG_MERIDIAN > bestKm) continue;
          const km = haversineKmRaw(lat, lon, grid.lat[j], grid.lon[j]);
          if (km < bestKm || (km === bestKm && grid.ids[j] < best)) [best, bestKm] = [grid.ids[j], km];
        }
      }
    }
  }
  return best < 0 ? null : { id: best, km: bestKm };
}
