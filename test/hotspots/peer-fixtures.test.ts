/**
 * Turf's own clustersDbscan fixtures (read in place from ../shared/peer-fixtures, next to the
 * gazetteer inputs): the engine and the CLI must label them exactly as turf does.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as turf from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dbscanTurf, KIND_LABELS, type LengthUnit } from '../../shared/hotspots/dbscan.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const geodata = resolve(repoRoot, process.env.GEODATA_DIR ?? '../shared/geodata');
const fixturesDir = resolve(geodata, '../peer-fixtures/turf-clusters-dbscan');
const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.geojson'))
  .sort();

interface Params {
  distance: number;
  units: LengthUnit;
  minPoints: number;
}

function load(name: string): { fc: FeatureCollection<Point>; params: Params } {
  const fc = JSON.parse(readFileSync(resolve(fixturesDir, name), 'utf8')) as FeatureCollection<Point> & {
    properties?: Partial<Params>;
  };
  const p = fc.properties ?? {};
  return { fc, params: { distance: p.distance ?? 100, units: p.units ?? 'kilometers', minPoints: p.minPoints ?? 3 } };
}

function turfLabels(fc: FeatureCollection<Point>, { distance, units, minPoints }: Params) {
  const out = turf.clustersDbscan(fc, distance, { units, minPoints });
  return out.features.map((f) => ({ cluster: f.properties.cluster ?? -1, dbscan: f.properties.dbscan }));
}

const run = promisify(execFile);

describe('peer fixtures: turf-clusters-dbscan', () => {
  it('finds all six fixtures', () => {
    expect(fixtures).toEqual([
      'fiji.geojson',
      'many-points.geojson',
      'noise.geojson',
      'points-with-properties.geojson',
      'points1.geojson',
      'points2.geojson',
    ]);
  });

  for (const name of fixtures) {
    it(`${name}: same clusters, numbers and classes as turf, with its parameters and variations`, () => {
      const { fc, params } = load(name);
      const lats = fc.features.map((f) => f.geometry.coordinates[1]);
      const lons = fc.features.map((f) => f.geometry.coordinates[0]);
      for (const scale of [1, 0.5, 0.2]) {
        for (const minPoints of [params.minPoints, 1, 2, 5]) {
          const p = { ...params, distance: params.distance * scale, minPoints };
          const labels = dbscanTurf({ lats, lons }, p.distance, { minPoints, units: p.units });
          const actual = Array.from(labels.cluster, (cluster, i) => ({ cluster, dbscan: KIND_LABELS[labels.kind[i]] }));
          expect(actual, `${name} ${JSON.stringify(p)}`).toEqual(turfLabels(fc, p));
        }
      }
    });
  }

  it('fiji: longitudes past 180° are taken as they are (no wrapping), as turf does', () => {
    const { fc, params } = load('fiji.geojson');
    const lats = fc.features.map((f) => f.geometry.coordinates[1]);
    const lons = fc.features.map((f) => f.geometry.coordinates[0]);
    expect(lons.filter((lon) => lon > 180)).toHaveLength(3);
    const labels = dbscanTurf({ lats, lons }, params.distance, { minPoints: params.minPoints });
    expect(Array.from(labels.cluster)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('the CLI labels a fixture like turf (kilometres) and keeps other properties', async () => {
    const { fc } = load('points-with-properties.geojson');
    const params: Params = { distance: 100, units: 'kilometers', minPoints: 3 };
    const child = run('npx', ['tsx', 'functions/cli/main.ts', 'cluster', '--eps-km', '100', '--min-points', '3'], {
      cwd: repoRoot,
    });
    child.child.stdin?.end(JSON.stringify(fc));
    const { stdout } = await child;
    const out = JSON.parse(stdout) as FeatureCollection<Point>;
    const expected = turf.clustersDbscan(fc, params.distance, { minPoints: params.minPoints });
    expect(out).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});
