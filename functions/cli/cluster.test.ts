import { Readable } from 'node:stream';
import * as turf from '@turf/turf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './cluster.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

const input = (text: string) => Readable.from([Buffer.from(text)]);

describe('cli cluster', () => {
  afterEach(() => vi.restoreAllMocks());

  it('labels points exactly as turf.clustersDbscan, noise without a cluster property', async () => {
    const pts = [
      [101.8, 6.42],
      [101.801, 6.4205],
      [101.802, 6.421],
      [101.8015, 6.4201],
      [102.0, 6.0],
    ];
    const fc = turf.featureCollection(
      pts.map((c, i) => turf.point(c, i === 4 ? { cluster: 7, name: 'far' } : { name: `p${i}` })),
    );
    const { out, err } = capture();
    const code = await main(['--eps-km', '0.5', '--min-points=3'], input(JSON.stringify(fc)));
    expect([code, err.join('')]).toEqual([0, '']);
    const result = JSON.parse(out.join(''));
    const expected = turf.clustersDbscan(turf.featureCollection(pts.map((c) => turf.point(c))), 0.5, { minPoints: 3 });
    expect(
      result.features.map((f: { properties: { cluster?: number; dbscan: string } }) => [
        f.properties.cluster,
        f.properties.dbscan,
      ]),
    ).toEqual(expected.features.map((f) => [f.properties.cluster, f.properties.dbscan]));
    expect(result.features[4].properties).toEqual({ name: 'far', dbscan: 'noise' });
  });

  it.each([
    [['--min-points', '3'], '{"type":"FeatureCollection","features":[]}', /--eps-km is required/],
    [['--eps-km', 'abc'], '{"type":"FeatureCollection","features":[]}', /--eps-km must be a number/],
    [
      ['--eps-km', '1', '--min-points', '0'],
      '{"type":"FeatureCollection","features":[]}',
      /--min-points must be an integer/,
    ],
    [['--eps-km', '1', '--bogus'], '{"type":"FeatureCollection","features":[]}', /unknown argument/],
    [['--eps-km', '1'], 'not json', /not valid JSON/],
    [['--eps-km', '1'], '{"type":"Feature"}', /FeatureCollection/],
    [
      ['--eps-km', '1'],
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}',
      /feature 0/,
    ],
    [
      ['--eps-km', '1'],
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,95]}}]}',
      /feature 0/,
    ],
  ])('rejects %j with %s on stderr and exit code 2', async (args, stdin, message) => {
    const { out, err } = capture();
    expect(await main(args, input(stdin))).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(out).toEqual([]);
  });

  it('writes an empty collection back unchanged', async () => {
    const { out } = capture();
    expect(await main(['--eps-km', '1'], input('{"type":"FeatureCollection","features":[]}'))).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
