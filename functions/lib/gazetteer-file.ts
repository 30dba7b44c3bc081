/**
 * Loads the gazetteer index from a file, once, on first use (a Lambda container or the local
 * host). Where to look is decided by the composition root (`GAZETTEER_INDEX`, the bundle's own
 * folder in Lambda, `.build/` in the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createGazetteer, type Gazetteer } from '../../shared/geocoder/index.js';
import type { GazetteerPort } from '../../shared/core/ports.js';

/** A lazy gazetteer from the first of `candidates` that exists. */
export function gazetteerFromFile(candidates: readonly string[]): GazetteerPort {
  let cached: Gazetteer | undefined;
  return () => {
    if (cached) return cached;
    const path = candidates.find((p) => existsSync(p));
    if (!path) {
      throw new Error(
        `gazetteer index not found (tried ${candidates.join(', ')}): run "npm run gazetteer" to build it`,
      );
    }
    cached = createGazetteer(JSON.parse(readFileSync(path, 'utf8')));
    return cached;
  };
}
