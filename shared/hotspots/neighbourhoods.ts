/**
 * Splits changed tips into neighbourhoods: groups of tips within `reachKm` of one another
 * (single linkage), so that one stream batch with a tip in Narathiwat and one at (-40, -60)
 * re-clusters two small areas instead of the box between them.
 */
import { haversineKmRaw } from '../geo/haversine.js';
import type { ClusterTip } from '../types.js';

const KM_PER_DEG_LAT = 111.19;

/**
 * Groups `tips` so that two tips within `reachKm` (great-circle) are in the same group, and
 * tips of different groups are farther apart. Groups keep the input order of their first
 * tip; tips within a group keep input order. O(n) expected on a grid of `reachKm` cells.
 */
export function splitNeighbourhoods<T extends Pick<ClusterTip, 'lat' | 'lon'>>(
  tips: readonly T[],
  reachKm: number,
): T[][] {
  const parent = tips.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // Cells of reachKm in latitude; in longitude, reachKm at the most pole-ward latitude of the
  // row and its neighbours, so a tip within reach is always in an adjacent column of an
  // adjacent row (rows at the poles are one column).
  const rowDeg = reachKm / KM_PER_DEG_LAT;
  const cells = new Map<string, number[]>();
  const colDegOf = (row: number) => {
    const edge = Math.max(Math.abs((row - 1) * rowDeg), Math.abs((row + 2) * rowDeg));
    const cos = Math.cos((Math.min(90, edge) * Math.PI) / 180);
    return cos * 360 <= rowDeg ? 360 : rowDeg / cos;
  };
  const keyOf = (row: number, lon: number) => {
    const colDeg = colDegOf(row);
    const cols = Math.ceil(360 / colDeg);
    return `${row}:${((Math.floor((lon + 180) / colDeg) % cols) + cols) % cols}`;
  };
  tips.forEach((t, i) => {
    const row = Math.floor(t.lat / rowDeg);
    for (let dr = -1; dr <= 1; dr++) {
      const r = row + dr;
      const colDeg = colDegOf(r);
      const col = Math.floor((t.lon + 180) / colDeg);
      const cols = Math.ceil(360 / colDeg);
      for (let dc = -1; dc <= 1; dc++) {
        // Columns wrap at the antimeridian.
        for (const j of cells.get(`${r}:${(((col + dc) % cols) + cols) % cols}`) ?? []) {
          if (haversineKmRaw(t.lat, t.lon, tips[j].lat, tips[j].lon) <= reachKm) union(i, j);
        }
      }
    }
    const key = keyOf(row, t.lon);
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });
  const groups = new Map<number, T[]>();
  tips.forEach((t, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(t);
    else groups.set(root, [t]);
  });
  return [...groups.values()];
}
