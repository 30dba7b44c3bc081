/** The real gazetteer for cross-folder tests: built from GEODATA_DIR if needed, loaded once. */
import { readFileSync } from 'node:fs';
import { ensureGazetteerIndex } from '../../functions/cli/build-gazetteer.js';
import { createGazetteer, type Gazetteer } from '../../shared/geocoder/index.js';

let cached: Gazetteer | undefined;

/** Builds (when stale) and loads the gazetteer index. */
export async function realGazetteer(): Promise<Gazetteer> {
  if (!cached) cached = createGazetteer(JSON.parse(readFileSync(await ensureGazetteerIndex(), 'utf8')));
  return cached;
}
