import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded-random.js';
import type { LatLon } from '../types.js';
import { dbscan, dbscanTurf, KIND_CORE, KIND_EDGE, KIND_LABELS, type DbscanLabels, type LengthUnit } from './dbscan.js';
import { dbscanReference } from './dbscan-reference.js';
import { lengthToDegreesTurf, neighbourMetric } from './turf-metric.js';

/** Turf's labels as `{cluster, kind}` per point. */
function turfLabels(points: LatLon[], eps: number, minPoints: number, units: LengthUnit = 'kilometers') {
  const fc = turf.featureCollection(points.map((p) => turf.point([p.lon, p.lat])));
  const out = turf.clustersDbscan(fc, eps, { minPoints, units });
  return out.features.map((f) => ({
    cluster: (f.properties.cluster as number | undefined) ?? -1,
    kind: f.properties.dbscan as string,
  }));
}

function ours(labels: DbscanLabels) {
  return Array.from(labels.cluster, (cluster, i) => ({ cluster, kind: KIND_LABELS[labels.kind[i]] as string }));
}

/** Same partition AND the same numbers and classes, point by point. */
function expectSameAsTurf(points: LatLon[], eps: number, minPoints: number, context: string) {
  const expected = turfLabels(points, eps, minPoints);
  const actual = ours(dbscan(points, { epsKm: eps, minPoints }));
  expect(actual, context).toEqual(expected);
}

function clumpy(rnd: () => number, n: number, spreadDeg: number, origin: LatLon): LatLon[] {
  const centres = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => ({
    lat: origin.lat + rnd() * spreadDeg,
    lon: origin.lon + rnd() * spreadDeg,
  }));
  const pts: LatLon[] = [];
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.7) {
      const c = centres[Math.floor(rnd() * centres.length)];
      const r = rnd() * spreadDeg * 0.15;
      pts.push({ lat: c.lat + (rnd() - 0.5) * r, lon: c.lon + (rnd() - 0.5) * r });
    } else pts.push({ lat: origin.lat + rnd() * spreadDeg, lon: origin.lon + rnd() * spreadDeg });
    if (rnd() < 0.08) pts.push({ ...pts[Math.floor(rnd() * pts.length)] });
  }
  return pts;
}

describe('dbscan matches turf.clustersDbscan', () => {
  it('on 400 random clumpy inputs (seeds, densities, eps, minPoints 1-8)', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const rnd = seededRandom(seed);
      const n = Math.floor(rnd() * 250);
      const spreadDeg = [0.02, 0.1, 0.5][seed % 3];
      const eps = spreadDeg * 111 * (0.005 + rnd() * 0.08);
      const minPoints = 1 + Math.floor(rnd() * 8);
      const points = clumpy(rnd, n, spreadDeg, { lat: 5.6 + rnd() * 1.5, lon: 100 + rnd() * 2 });
      expectSameAsTurf(points, eps, minPoints, `seed ${seed}`);
    }
  });

  it('elsewhere on the globe: equator, high latitudes, the antimeridian, large eps', () => {
    const origins = [
      { lat: -0.05, lon: 30 },
      { lat: 60, lon: 10 },
      { lat: -17, lon: 179.9 },
      { lat: 78, lon: -170 },
    ];
    for (let seed = 1; seed <= 120; seed++) {
      const rnd = seededRandom(1000 + seed);
      const origin = origins[seed % origins.length];
      const spreadDeg = [0.1, 2, 8][seed % 3];
      const points = clumpy(rnd, 20 + Math.floor(rnd() * 150), spreadDeg, origin);
      const eps = spreadDeg * 111 * (0.01 + rnd() * 0.1);
      expectSameAsTurf(points, eps, 1 + Math.floor(rnd() * 5), `seed ${seed} at ${origin.lat},${origin.lon}`);
    }
  });

  it('on sparse worldwide points with a small eps (grid too large for a dense cell table)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = seededRandom(7000 + seed);
      const points: LatLon[] = [];
      for (let i = 0; i < 150; i++) {
        const base = { lat: -60 + rnd() * 120, lon: -170 + rnd() * 340 };
        points.push(base);
        for (let k = Math.floor(rnd() * 4); k > 0; k--)
          points.push({ lat: base.lat + (rnd() - 0.5) * 0.01, lon: base.lon + (rnd() - 0.5) * 0.01 });
      }
      const labels = dbscan(points, { epsKm: 0.6, minPoints: 2 });
      expect(labels.path).toBe('grid');
      expect(ours(labels), `seed ${seed}`).toEqual(turfLabels(points, 0.6, 2));
    }
  });

  it('on pairs and chains at exactly eps (box edge and haversine edge)', () => {
    for (const eps of [0.75, 0.1, 1.3, 5]) {
      const latDeg = lengthToDegreesTurf(eps, 'kilometers');
      const base = { lat: 6.42, lon: 101.81 };
      // North-south pair at exactly turf's box height, and east-west pairs at turf's distance.
      const ns = [base, { lat: base.lat + latDeg, lon: base.lon }, { lat: base.lat - latDeg, lon: base.lon }];
      const ew = [0, 1, 2, 3].map((k) => {
        const p = turf.destination(turf.point([base.lon, base.lat]), eps * k, 90);
        return { lat: p.geometry.coordinates[1], lon: p.geometry.coordinates[0] };
      });
      for (const minPoints of [1, 2, 3]) {
        expectSameAsTurf(ns, eps, minPoints, `ns eps ${eps}`);
        expectSameAsTurf(ew, eps, minPoints, `ew eps ${eps}`);
        expectSameAsTurf([...ew, ...ns], eps, minPoints, `both eps ${eps}`);
      }
    }
  });

  it('on duplicates, minPoints 1 and 2, a single point and empty input', () => {
    const p = { lat: 6.5, lon: 101.5 };
    const q = { lat: 6.5005, lon: 101.5 };
    for (const minPoints of [1, 2, 3, 4]) {
      expectSameAsTurf([p, p, p, q], 0.1, minPoints, `dups ${minPoints}`);
      expectSameAsTurf([q, p, p], 0.01, minPoints, `dups small eps ${minPoints}`);
      expectSameAsTurf([p], 1, minPoints, `single ${minPoints}`);
    }
    expect(dbscan([], { epsKm: 1, minPoints: 3 }).cluster.length).toBe(0);
    expectSameAsTurf([p, q, p], 0, 2, 'eps 0 keeps only exact duplicates together');
  });

  it('labels a border point reached before its cluster forms as edge, after it as core (turf quirk)', () => {
    // Index 0 is a border point scanned before the cluster's first core (index 1); index 5 is
    // a border point the expansion reaches first, which turf calls core.
    const line = [0.9, 0, 0.1, 0.2, 0.3, -0.6].map((km) => ({ lat: 6, lon: 101 + km / 110.6 }));
    const labels = dbscan(line, { epsKm: 0.65, minPoints: 4 });
    expect(ours(labels)).toEqual(turfLabels(line, 0.65, 4));
    expect([labels.kind[0], labels.core[0]]).toEqual([KIND_EDGE, 0]);
    expect([labels.kind[5], labels.core[5]]).toEqual([KIND_CORE, 0]);
  });

  it("falls back to the reference port when turf's neighbour test is one-way", () => {
    // Found by search: turf's haversine multiplies cos(lat) in caller order, so at 0.75 km
    // b is a neighbour of a but a is not one of b. With a twin each, both are cores.
    const a = { lat: 7.5788445277139544, lon: 101.22825830522925 };
    const b = { lat: 7.584106032452291, lon: 101.23251574553854 };
    for (const points of [
      [a, a, b, b],
      [b, b, a, a],
      [a, b, a, b],
    ]) {
      const labels = dbscan(points, { epsKm: 0.75, minPoints: 2 });
      expect(labels.path).toBe('reference');
      expect(ours(labels)).toEqual(turfLabels(points, 0.75, 2));
    }
    // The order matters to turf here: a first gives two clusters, b first gives one.
    expect(dbscan([a, a, b, b], { epsKm: 0.75, minPoints: 2 }).clusterCount).toBe(2);
    expect(dbscan([b, b, a, a], { epsKm: 0.75, minPoints: 2 }).clusterCount).toBe(1);
  });

  it('accepts parallel arrays and other turf units', () => {
    const rnd = seededRandom(7);
    const points = clumpy(rnd, 200, 1, { lat: 40, lon: -80 });
    const lats = Float64Array.from(points, (p) => p.lat);
    const lons = Float64Array.from(points, (p) => p.lon);
    const fc = turf.featureCollection(points.map((p) => turf.point([p.lon, p.lat])));
    const expected = turf
      .clustersDbscan(fc, 3, { minPoints: 3, units: 'miles' })
      .features.map((f) => f.properties.cluster ?? -1);
    expect(Array.from(dbscanTurf({ lats, lons }, 3, { minPoints: 3, units: 'miles' }).cluster)).toEqual(expected);
  });

  it('grid path and reference port agree on larger inputs (no turf: too slow)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const rnd = seededRandom(seed * 31);
      const points = clumpy(rnd, 4000, 0.3, { lat: 6, lon: 101 });
      const lats = Float64Array.from(points, (p) => p.lat);
      const lons = Float64Array.from(points, (p) => p.lon);
      const ref = dbscanReference(lats, lons, neighbourMetric(lats, lons, 0.3), 4);
      const fast = dbscan({ lats, lons }, { epsKm: 0.3, minPoints: 4 });
      expect(fast.path).toBe('grid');
      expect(Array.from(fast.cluster)).toEqual(Array.from(ref.cluster));
      expect(Array.from(fast.kind)).toEqual(Array.from(ref.kind));
    }
  });

  it('rejects non-finite coordinates and a negative eps', () => {
    expect(() => dbscan([{ lat: Number.NaN, lon: 1 }], { epsKm: 1, minPoints: 2 })).toThrow(/invalid coordinates/);
    expect(() => dbscan([{ lat: 1, lon: 1 }], { epsKm: -1, minPoints: 2 })).toThrow(/eps/);
  });
});
