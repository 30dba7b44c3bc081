/**
 * `npm run -s cli -- cluster --eps-km E --min-points M` (docs/contract.md): reads a GeoJSON
 * FeatureCollection of Points on stdin and writes it back with `properties.cluster` (absent
 * for noise) and `properties.dbscan` (`core`, `edge`, `noise`), labelled exactly as
 * `turf.clustersDbscan(fc, E, {minPoints: M})` would, by the engine in shared/hotspots.
 * Unlike turf, a `cluster` property already on a noise point's input is removed (the contract
 * says absent for noise); every other property and the collection's own members are kept.
 */
import { dbscan, KIND_LABELS } from '../../shared/hotspots/dbscan.js';

const USAGE = 'usage: npm run -s cli -- cluster --eps-km <km> [--min-points <n>] < points.geojson';

interface PointFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: number[] };
  properties?: Record<string, unknown> | null;
}

/** Runs the command; returns the process exit code (0 ok, 2 bad usage or input). */
export async function main(args: string[], input: AsyncIterable<unknown> = process.stdin): Promise<number> {
  let epsKm: number;
  let minPoints: number;
  let features: PointFeature[];
  let collection: Record<string, unknown>;
  try {
    ({ epsKm, minPoints } = parseArgs(args));
    collection = parseCollection(await readAll(input));
    features = collection.features as PointFeature[];
  } catch (err) {
    process.stderr.write(`cluster: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const labels = dbscan(
    features.map((f) => ({ lat: f.geometry.coordinates[1], lon: f.geometry.coordinates[0] })),
    { epsKm, minPoints },
  );
  features.forEach((f, i) => {
    const properties: Record<string, unknown> = { ...(f.properties ?? {}) };
    delete properties.cluster;
    if (labels.cluster[i] >= 0) properties.cluster = labels.cluster[i];
    properties.dbscan = KIND_LABELS[labels.kind[i]];
    f.properties = properties;
  });
  process.stdout.write(`${JSON.stringify(collection)}\n`);
  return 0;
}

function parseArgs(args: string[]): { epsKm: number; minPoints: number } {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    if (flag !== '--eps-km' && flag !== '--min-points') throw new Error(`unknown argument ${args[i]}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    values.set(flag, value);
  }
  const epsText = values.get('--eps-km');
  if (epsText === undefined) throw new Error('--eps-km is required');
  const epsKm = Number(epsText);
  if (epsText.trim() === '' || !Number.isFinite(epsKm) || epsKm < 0) {
    throw new Error(`--eps-km must be a number >= 0, got "${epsText}"`);
  }
  // turf's default when minPoints is not given.
  const minText = values.get('--min-points') ?? '3';
  const minPoints = Number(minText);
  if (!Number.isInteger(minPoints) || minPoints < 1) {
    throw new Error(`--min-points must be an integer >= 1, got "${minText}"`);
  }
  return { epsKm, minPoints };
}

async function readAll(input: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function parseCollection(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`stdin is not valid JSON (${(err as Error).message})`);
  }
  const fc = value as Record<string, unknown> | null;
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error('stdin must be a GeoJSON FeatureCollection');
  }
  fc.features.forEach((f: unknown, i: number) => checkPoint(f, i));
  return fc;
}

function checkPoint(f: unknown, i: number): void {
  const feature = f as Partial<PointFeature> | null;
  const coords = feature?.geometry?.coordinates;
  const ok =
    feature?.type === 'Feature' &&
    feature.geometry?.type === 'Point' &&
    Array.isArray(coords) &&
    coords.length >= 2 &&
    Number.isFinite(coords[0]) &&
    Number.isFinite(coords[1]) &&
    Math.abs(coords[1]) <= 90 &&
    (feature.properties === undefined || feature.properties === null || typeof feature.properties === 'object');
  if (!ok) throw new Error(`feature ${i} is not a Point with finite [lon, lat] coordinates`);
}
