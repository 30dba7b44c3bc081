/**
 * The service area and sea naming on the real gazetteer (GEODATA_DIR): the cases of issue 8,
 * and properties that the grid never changes an answer of the brute-force classification.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { geodataDir } from '../../functions/cli/build-gazetteer.js';
import { haversineKmRaw } from '../../shared/geo/haversine.js';
import { geocode, provinceOf, reverseGeocode, type Gazetteer } from '../../shared/geocoder/index.js';
import { nearestTambon } from '../../shared/geocoder/nearest-tambon.js';
import { BOUNDARY_SLACK_KM, expandShape, type ProvinceShape } from '../../shared/geocoder/province-shapes.js';
import {
  DEFAULT_BUFFER_KM,
  areaFromGazetteer,
  areaFromGeoJson,
  classifyExact,
  defaultServiceArea,
  type ServiceArea,
} from '../../shared/service-area/index.js';
import { realGazetteer } from './real-gazetteer.js';

const SOUTH = ['90', '94', '95', '96'];

let g: Gazetteer;
let area: ServiceArea;
let shapes: ProvinceShape[];
let vertices: Array<[number, number]>;
beforeAll(async () => {
  g = await realGazetteer();
  area = defaultServiceArea(g);
  shapes = g.shapes.map(expandShape);
  vertices = shapes.flatMap((s) =>
    s.rings.flatMap((r) => Array.from({ length: r.length / 2 }, (_, i): [number, number] => [r[2 * i + 1], r[2 * i]])),
  );
}, 60_000);

const exact = (subset: ProvinceShape[], lat: number, lon: number, bufferKm = DEFAULT_BUFFER_KM) =>
  classifyExact(subset, { lat, lon }, { bufferKm, slackKm: BOUNDARY_SLACK_KM });

/** Random points where answers change: anywhere near Thailand, near boundary vertices, at the buffer's edge. */
const pointArb = (bufferKm: number) =>
  fc.oneof(
    fc.record({ lat: fc.double({ min: 4, max: 22, noNaN: true }), lon: fc.double({ min: 96, max: 107, noNaN: true }) }),
    fc
      .tuple(
        fc.nat(),
        fc.double({ min: -0.03, max: 0.03, noNaN: true }),
        fc.double({ min: -0.03, max: 0.03, noNaN: true }),
      )
      .map(([k, dy, dx]) => {
        const [lat, lon] = vertices[k % vertices.length];
        return { lat: lat + dy, lon: lon + dx };
      }),
    fc
      .tuple(
        fc.nat(),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
      )
      .map(([k, t, dk]) => {
        const [lat, lon] = vertices[k % vertices.length];
        const km = bufferKm + dk;
        return {
          lat: lat + (Math.sin(t) * km) / 110.57,
          lon: lon + (Math.cos(t) * km) / (111.32 * Math.cos((lat * Math.PI) / 180)),
        };
      }),
    // Exactly on grid lines (cells are 0.05 degrees) and on vertices.
    fc
      .tuple(fc.integer({ min: 80, max: 440 }), fc.integer({ min: 1920, max: 2140 }))
      .map(([i, j]) => ({ lat: i * 0.05, lon: j * 0.05 })),
    fc.nat().map((k) => ({ lat: vertices[k % vertices.length][0], lon: vertices[k % vertices.length][1] })),
  );

describe('service area on the real gazetteer (issue 8)', () => {
  it('puts the fishing grounds off Pattani (7.05, 101.05) in the buffer, and names them after a Pattani coast tambon', () => {
    expect(area.classify({ lat: 7.05, lon: 101.05 })).toBe('buffer');
    const r = reverseGeocode(g, { lat: 7.05, lon: 101.05 });
    expect(r).toMatchObject({
      precision: 'point',
      inThailand: false,
      admin: { provinceCode: '94', amphoeCode: '9403' },
    });
    // In this data the point is 21.3 km from the nearest shore (Pattani / Songkhla): the
    // nearest tambon centroid (บางตาวา, on the coast of อ.หนองจิก) is 24.5 km away.
    expect(r.admin?.tambon).toBe('บางตาวา');
    expect(r.admin?.sea?.nearestKm).toBeCloseTo(24.5, 1);
    expect(r.distanceKm).toBeCloseTo(24.45, 2);
  });

  it('names a point 3 km off Narathiwat town after its tambon, a few km away', () => {
    const r = reverseGeocode(g, { lat: 6.4255, lon: 101.9 });
    expect(r.inThailand).toBe(false);
    expect(r.admin).toMatchObject({ provinceCode: '96', amphoeCode: '9601', tambonCode: '960106' });
    expect(r.admin?.sea?.nearestKm).toBeGreaterThan(2);
    expect(r.admin?.sea?.nearestKm).toBeLessThan(8);
  });

  it('puts Narathiwat on land, and leaves land results without a sea note', () => {
    expect(area.classify({ lat: 6.4, lon: 101.6 })).toBe('land');
    expect(area.classify({ lat: 6.482, lon: 101.763 })).toBe('land');
    const r = reverseGeocode(g, { lat: 6.482, lon: 101.763 });
    expect(r).toMatchObject({ inThailand: true, confidence: 1, admin: { tambonCode: '960107' } });
    expect(r.admin).not.toHaveProperty('sea');
  });

  it('puts the far side of the world outside, with no admin', () => {
    for (const p of [
      { lat: 90, lon: 0 },
      { lat: -40, lon: -60 },
      { lat: 0, lon: 0 },
      { lat: -90, lon: -180 },
    ]) {
      expect(area.classify(p)).toBe('outside');
      expect(reverseGeocode(g, p)).toEqual({ precision: 'point', ...p, inThailand: false });
    }
  });

  it("puts Sungai Kolok's Malaysian side (Rantau Panjang) in the buffer", () => {
    // The Golok river is the border. In this data (6.03, 101.98) still lies 48 m inside
    // Narathiwat's polygon; the town of Rantau Panjang across the river is buffer.
    expect(area.classify({ lat: 6.03, lon: 101.98 })).toBe('land');
    for (const p of [
      { lat: 6.02, lon: 101.98 },
      { lat: 6.015, lon: 101.975 },
    ]) {
      expect(area.classify(p)).toBe('buffer');
      const r = reverseGeocode(g, p);
      expect(r).toMatchObject({ inThailand: false, admin: { amphoeCode: '9610', sea: {} } });
      expect(r.admin?.sea?.nearestKm).toBeLessThan(5);
    }
  });

  it('puts Kota Bharu (~20 km from the border) inside a 30 km buffer, outside a 15 km one', () => {
    expect(area.classify({ lat: 6.125, lon: 102.238 })).toBe('buffer');
    expect(areaFromGazetteer(g, { bufferKm: 15 }).classify({ lat: 6.125, lon: 102.238 })).toBe('outside');
    const far = areaFromGazetteer(g, { bufferKm: 15 });
    expect(reverseGeocode(g, { lat: 6.125, lon: 102.238 }, far)).toEqual({
      precision: 'point',
      lat: 6.125,
      lon: 102.238,
      inThailand: false,
    });
  });

  it('finds a province for every land point (fast-check)', () => {
    fc.assert(
      fc.property(pointArb(DEFAULT_BUFFER_KM), (p) => {
        if (area.classify(p) === 'land') expect(provinceOf(g, p)).not.toBeNull();
        else expect(provinceOf(g, p)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('classifies exactly as the brute force does, at the default buffer (fast-check)', () => {
    fc.assert(
      fc.property(pointArb(DEFAULT_BUFFER_KM), ({ lat, lon }) => {
        expect(area.classify({ lat, lon })).toBe(exact(shapes, lat, lon));
      }),
      { numRuns: 5000 },
    );
  });

  for (const bufferKm of [0, 12, 22.2, 100]) {
    it(`classifies exactly as the brute force does, with a ${bufferKm} km buffer`, () => {
      const a = areaFromGazetteer(g, { bufferKm });
      fc.assert(
        fc.property(pointArb(bufferKm), ({ lat, lon }) => {
          expect(a.classify({ lat, lon })).toBe(exact(shapes, lat, lon, bufferKm));
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('limits the area to chosen provinces, exactly, and the same provinces as GeoJSON give the same area', () => {
    const south = areaFromGazetteer(g, { provinces: SOUTH });
    const subset = shapes.filter((s) => SOUTH.includes(s.code));
    const geojson = JSON.parse(readFileSync(join(geodataDir(), 'th-provinces.geojson'), 'utf8'));
    const custom = areaFromGeoJson({
      type: 'FeatureCollection',
      features: geojson.features.filter((f: { properties: { pro_code: unknown } }) =>
        SOUTH.includes(String(f.properties.pro_code).padStart(2, '0')),
      ),
    });
    expect([...south.codes].sort()).toEqual(SOUTH);
    expect([...custom.codes].sort()).toEqual(SOUTH);
    expect(south.classify({ lat: 13.75, lon: 100.5 })).toBe('outside'); // Bangkok
    expect(south.classify({ lat: 6.4, lon: 101.6 })).toBe('land');
    fc.assert(
      fc.property(
        fc.record({
          lat: fc.double({ min: 5, max: 8, noNaN: true }),
          lon: fc.double({ min: 99.5, max: 102.7, noNaN: true }),
        }),
        ({ lat, lon }) => {
          const want = exact(subset, lat, lon);
          expect(south.classify({ lat, lon })).toBe(want);
          expect(custom.classify({ lat, lon })).toBe(want);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('uses the area it is given for reverse and pasted-coordinate geocoding', () => {
    const near = areaFromGazetteer(g, { bufferKm: 10 });
    expect(reverseGeocode(g, { lat: 7.05, lon: 101.05 }, near).admin).toBeUndefined();
    expect(geocode(g, 'เรืออยู่ที่ 7.0500, 101.0500', near).precision).toBe('none');
    expect(geocode(g, 'เรืออยู่ที่ 7.0500, 101.0500').admin?.sea).toBeDefined();
  });

  it('refuses unknown provinces and bad buffers, saying how to fix the call', () => {
    expect(() => areaFromGazetteer(g, { provinces: ['99'] })).toThrow(
      /unknown province codes "99".*two-digit TIS-1099/,
    );
    expect(() => areaFromGazetteer(g, { provinces: [96 as unknown as string] })).toThrow(/as strings/);
    expect(() => areaFromGazetteer(g, { provinces: [] })).toThrow(/non-empty array/);
    expect(() => areaFromGazetteer(g, { bufferKm: -5 })).toThrow(/from 0 to 100/);
  });
});

describe('sea naming on the real gazetteer', () => {
  let indexed: number[] | undefined;
  /** Brute force over the places nearestTambon indexes. */
  function bruteNearest(lat: number, lon: number): { id: number; km: number } {
    if (!indexed) {
      const skip = new Set(g.estimatedCentroids);
      const named = new Set(g.places.filter((p) => p.level === 2 && !skip.has(p.code)).map((p) => p.code.slice(0, 2)));
      indexed = g.places.flatMap((p, i) =>
        (p.level === 2 ? !skip.has(p.code) : p.level === 0 && !named.has(p.code)) ? [i] : [],
      );
    }
    let best = { id: -1, km: Infinity };
    for (const i of indexed) {
      const km = haversineKmRaw(lat, lon, g.places[i].lat, g.places[i].lon);
      if (km < best.km) best = { id: i, km };
    }
    return best;
  }

  it('leaves out the 53 Bueng Kan tambons that only have the province centroid', () => {
    expect(g.estimatedCentroids).toHaveLength(53);
    expect(g.estimatedCentroids.every((c) => c.startsWith('38'))).toBe(true);
    const r = reverseGeocode(g, { lat: 18.4, lon: 103.66 }); // across the Mekong from Bueng Kan
    expect(r.inThailand).toBe(false);
    expect(r.admin).toEqual({ provinceCode: '38', province: 'บึงกาฬ', sea: { nearestKm: expect.any(Number) } });
  });

  it('finds the same nearest tambon as a brute-force search (fast-check)', () => {
    fc.assert(
      fc.property(pointArb(DEFAULT_BUFFER_KM), ({ lat, lon }) => {
        const got = nearestTambon(g, { lat, lon });
        const want = bruteNearest(lat, lon);
        expect(got?.km).toBeCloseTo(want.km, 9);
        expect(got?.id).toBe(want.id);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives every buffer point the nearest tambon and its distance, and every other point none', () => {
    fc.assert(
      fc.property(pointArb(DEFAULT_BUFFER_KM), ({ lat, lon }) => {
        const cls = area.classify({ lat, lon });
        const r = reverseGeocode(g, { lat, lon });
        expect(r.inThailand).toBe(cls === 'land');
        if (cls === 'buffer') {
          const want = bruteNearest(lat, lon);
          expect(r.admin?.sea?.nearestKm).toBe(Math.round(want.km * 10) / 10);
          expect(r.admin?.tambonCode ?? r.admin?.provinceCode).toBe(g.places[want.id].code);
        } else if (cls === 'outside') {
          expect(r.admin).toBeUndefined();
        } else {
          expect(r.admin?.sea).toBeUndefined();
        }
      }),
      { numRuns: 2000 },
    );
  });
});
