/**
 * `npm run -s cli -- geocode "<text>"`: prints one JSON geocode result.
 * `npm run -s cli -- geocode` (no text): one query per stdin line, one JSON line out per
 * line, same order; a line `lat, lon` is a reverse geocode. Stdout carries JSON only.
 */
import { createInterface } from 'node:readline';
import type { GeocodeResult } from '../../shared/types.js';
import { geocode, parseLatLon, reverseGeocode, type Gazetteer } from '../../shared/geocoder/index.js';
import { readConfig } from '../composition/config.js';
import { gazetteerFromFile } from '../lib/gazetteer-file.js';
import { ensureGazetteerIndex } from './build-gazetteer.js';

/** One query: a coordinate pair is reversed, anything else forward-geocoded. */
export function geocodeQuery(g: Gazetteer, query: string): GeocodeResult {
  const point = parseLatLon(query);
  return point ? reverseGeocode(g, point) : geocode(g, query);
}

async function gazetteer(): Promise<Gazetteer> {
  const paths = readConfig().gazetteerIndexPaths;
  // Without GAZETTEER_INDEX the repository's own index is used: build it when stale.
  if (paths.length === 3) await ensureGazetteerIndex();
  return gazetteerFromFile(paths)();
}

/** CLI entry: returns the exit code (0 ok, 1 error). */
export async function main(args: string[]): Promise<number> {
  const g = await gazetteer();
  const text = args.join(' ').trim();
  if (text) {
    process.stdout.write(`${JSON.stringify(geocodeQuery(g, text))}\n`);
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const q = line.trim();
    process.stdout.write(`${JSON.stringify(q ? geocodeQuery(g, q) : { precision: 'none' })}\n`);
  }
  return 0;
}
