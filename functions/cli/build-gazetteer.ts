/**
 * Builds `.build/gazetteer-index.json` from `GEODATA_DIR` (default `<repo>/../shared/geodata`):
 * cleans the tambon CSV, compacts the province boundaries, precomputes the service area's
 * grid over them, writes the index. A fast no-op
 * when the index is newer than the inputs and the builder code.
 *
 *   npx tsx functions/cli/build-gazetteer.ts      (also: npm run gazetteer)
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGazetteerIndex } from '../../shared/geocoder/gazetteer-index.js';
import { geodataDirOf } from '../composition/config.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Repository root, from this file's location (not the working directory). */
export const REPO_ROOT = resolve(HERE, '..', '..');
/** Where the index is written (gitignored). */
export const GAZETTEER_INDEX_PATH = join(REPO_ROOT, '.build', 'gazetteer-index.json');
const CSV = 'th-subdistricts.csv';
const GEOJSON = 'th-provinces.geojson';

/** The gazetteer input folder: env `GEODATA_DIR` (relative to the repo root) or the default. */
export function geodataDir(): string {
  return geodataDirOf();
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

function readStamp(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Newest modification time among the inputs and the code that shapes the index. */
function newestSourceMs(dir: string): number {
  // The index holds the service area's grid too, so its code shapes the index as well.
  const code = ['geocoder', 'service-area'].flatMap((folder) => {
    const codeDir = join(REPO_ROOT, 'shared', folder);
    return readdirSync(codeDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => join(codeDir, f));
  });
  const all = [join(dir, CSV), join(dir, GEOJSON), fileURLToPath(import.meta.url), ...code];
  return Math.max(...all.map(mtimeMs));
}

/** Outcome of one build call, for the one-line summary. */
export interface BuildOutcome {
  path: string;
  rebuilt: boolean;
  summary: string;
}

/** Builds the index unless it is up to date. Throws with a clear message if inputs are missing. */
export function buildGazetteer(options: { force?: boolean } = {}): BuildOutcome {
  const dir = geodataDir();
  for (const f of [CSV, GEOJSON]) {
    if (mtimeMs(join(dir, f)) < 0) {
      throw new Error(
        `gazetteer input ${join(dir, f)} not found: set GEODATA_DIR to the folder holding ${CSV} and ${GEOJSON}`,
      );
    }
  }
  const out = GAZETTEER_INDEX_PATH;
  // The stamp records the newest source time the index was built from, so an index written
  // late by a builder that loaded older code is still rebuilt.
  const stampPath = `${out}.stamp`;
  const stamp = `${dir}|${newestSourceMs(dir)}`;
  if (!options.force && mtimeMs(out) > 0 && readStamp(stampPath) === stamp) {
    return { path: out, rebuilt: false, summary: `gazetteer index up to date: ${out}` };
  }
  const started = performance.now();
  const { index, report } = buildGazetteerIndex(
    readFileSync(join(dir, CSV), 'utf8'),
    JSON.parse(readFileSync(join(dir, GEOJSON), 'utf8')),
  );
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(index));
  renameSync(tmp, out); // atomic: concurrent builders (tests, start) never read half a file
  writeFileSync(stampPath, stamp);
  const ms = Math.round(performance.now() - started);
  const summary =
    `gazetteer index built in ${ms} ms: ${index.tambons.code.length} tambons, ${index.amphoes.length} amphoes, ` +
    `${index.provinces.length} provinces (${report.retiredDropped} retired dropped, ${report.buengKanRecoded} Bueng Kan recoded, ` +
    `${report.bangkokPrefixesStripped} Bangkok prefixes stripped, ${report.romanisationsFixed} romanisations fixed) -> ${out}`;
  return { path: out, rebuilt: true, summary };
}

/** Makes sure the index exists and is current; returns its path. For `npm start` and tests. */
export async function ensureGazetteerIndex(): Promise<string> {
  return buildGazetteer().path;
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    const outcome = buildGazetteer({ force: process.argv.includes('--force') });
    console.log(outcome.summary);
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
  }
}
