/**
 * The `area` key of the hotspots' `byArea` index: `A` + the geohash of the smallest cell (up to
 * the tip cells' 4 characters, ~39 x 20 km) that holds a hotspot's box. A box crossing a cell
 * edge goes one level up, so the index holds each hotspot once; a reader asks, at every level,
 * for the cells its box meets (about ten small queries), and gets every hotspot whose box
 * could meet it (issue 12: not every active hotspot for each stream batch).
 */
import ngeohash from 'ngeohash';
import { CELL_PRECISION, type Box } from '../../shared/hotspots/index.js';

const ROOT = 'A';

/** The `area` of a hotspot whose box is `box`. */
export function areaOf(box: Box): string {
  const b = clamp(box);
  const low = ngeohash.encode(b.minLat, b.minLon, CELL_PRECISION);
  const high = ngeohash.encode(b.maxLat, b.maxLon, CELL_PRECISION);
  let common = 0;
  while (common < CELL_PRECISION && low[common] === high[common]) common++;
  return ROOT + low.slice(0, common);
}

/** Every `area` under which a hotspot whose box meets `box` may be. */
export function areasMeeting(box: Box): string[] {
  const b = clamp(box);
  const out = [ROOT];
  for (let level = 1; level <= CELL_PRECISION; level++) {
    for (const cell of ngeohash.bboxes(b.minLat, b.minLon, b.maxLat, b.maxLon, level)) out.push(ROOT + cell);
  }
  return out;
}

/** The box within the geohash range (longitudes are raw in the engine: no wrapping, only clamping). */
function clamp(b: Box): Box {
  const lat = (v: number) => Math.min(90, Math.max(-90, v));
  const lon = (v: number) => Math.min(180, Math.max(-180, v));
  return { minLat: lat(b.minLat), maxLat: lat(b.maxLat), minLon: lon(b.minLon), maxLon: lon(b.maxLon) };
}
