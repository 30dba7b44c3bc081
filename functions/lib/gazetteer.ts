/**
 * Loads the gazetteer index once per process (Lambda container or local host). Looks in
 * env `GAZETTEER_INDEX`, then `gazetteer-index.json` beside the running bundle (the CDK
 * build copies it to `/var/task/`), then `<repo>/.build/gazetteer-index.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGazetteer, type Gazetteer } from '../../shared/geocoder/index.js';

const INDEX_FILE = 'gazetteer-index.json';
let cached: Gazetteer | undefined;

/** Candidate index paths, in the order they are tried. */
export function gazetteerIndexCandidates(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const fromEnv = process.env.GAZETTEER_INDEX;
  const bundleDir = process.argv[1] ? dirname(resolve(process.argv[1])) : here;
  return [
    ...(fromEnv ? [resolve(fromEnv)] : []),
    join(here, INDEX_FILE),
    join(bundleDir, INDEX_FILE),
    resolve(here, '..', '..', '.build', INDEX_FILE),
  ];
}

/** The process-wide gazetteer; synchronous and cached after the first call. */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const candidates = gazetteerIndexCandidates();
  const path = process.env.GAZETTEER_INDEX ? candidates[0] : candidates.find((p) => existsSync(p));
  if (!path || !existsSync(path)) {
    throw new Error(`gazetteer index not found (tried ${candidates.join(', ')}): run "npm run gazetteer" to build it`);
  }
  cached = createGazetteer(JSON.parse(readFileSync(path, 'utf8')));
  return cached;
}

/** Forgets the cached gazetteer (tests that switch `GAZETTEER_INDEX`). */
export function resetGazetteerCache(): void {
  cached = undefined;
}
