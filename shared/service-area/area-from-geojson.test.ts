import { describe, expect, it } from 'vitest';
import { areaFromGeoJson } from './area-from-geojson.js';
import { ServiceAreaError } from './errors.js';

const square = [
  [100, 6],
  [101, 6],
  [101, 7],
  [100, 7],
  [100, 6],
];
const feature = (geometry: unknown, properties: unknown = { pro_code: 96 }) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('areaFromGeoJson', () => {
  it('serves a Polygon and a MultiPolygon, with the default 30 km buffer', () => {
    const area = areaFromGeoJson(
      collection(
        feature({ type: 'Polygon', coordinates: [square] }),
        feature({ type: 'MultiPolygon', coordinates: [[square.map(([x, y]) => [x + 1.4, y])]] }, { code: 'east' }),
      ),
    );
    expect(area.bufferKm).toBe(30);
    expect(area.codes).toEqual(['96', 'east']);
    expect(area.classify({ lat: 6.5, lon: 100.5 })).toBe('land');
    expect(area.classify({ lat: 6.5, lon: 102.2 })).toBe('land');
    expect(area.classify({ lat: 6.5, lon: 101.2 })).toBe('buffer'); // 22 km from each, in the 44 km gap
    expect(area.classify({ lat: 6.5, lon: 104 })).toBe('outside');
    expect(
      areaFromGeoJson(collection(feature({ type: 'Polygon', coordinates: [square] })), { bufferKm: 0 }).bufferKm,
    ).toBe(0);
  });

  it('names features by pro_code, code or id, else by position', () => {
    const area = areaFromGeoJson(
      collection(
        { ...feature({ type: 'Polygon', coordinates: [square] }, {}), id: 'f1' },
        feature({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y + 3])] }, null),
      ),
    );
    expect(area.codes).toEqual(['f1', '#1']);
  });

  const refusals: Array<[string, unknown, RegExp]> = [
    ['a bare geometry', { type: 'Polygon', coordinates: [square] }, /wrap a single geometry in a Feature/],
    ['no features', collection(), /give at least one Polygon/],
    [
      'a Point',
      collection(feature({ type: 'Point', coordinates: [100, 6] })),
      /must be a Polygon or MultiPolygon, got Point/,
    ],
    [
      'an open ring',
      collection(feature({ type: 'Polygon', coordinates: [square.slice(0, 4)] })),
      /repeat its first position at the end/,
    ],
    [
      'a short ring',
      collection(
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [100, 6],
              [101, 6],
              [100, 6],
            ],
          ],
        }),
      ),
      /at least 4/,
    ],
    [
      'lat and lon swapped',
      collection(feature({ type: 'Polygon', coordinates: [square.map(([x, y]) => [y, x + 90])] })),
      /longitude first/,
    ],
    [
      'a non-numeric position',
      collection(feature({ type: 'Polygon', coordinates: [[['100', 6], ...square.slice(1)]] })),
      /\[lon, lat\]/,
    ],
    ['empty coordinates', collection(feature({ type: 'Polygon', coordinates: [] })), /non-empty array of rings/],
    ['a feature that is not an object', collection(42), /feature 0 is not an object/],
  ];
  for (const [what, input, message] of refusals) {
    it(`refuses ${what}, saying how to fix it`, () => {
      expect(() => areaFromGeoJson(input)).toThrow(ServiceAreaError);
      expect(() => areaFromGeoJson(input)).toThrow(message);
    });
  }

  it('refuses a bad buffer or options', () => {
    const ok = collection(feature({ type: 'Polygon', coordinates: [square] }));
    expect(() => areaFromGeoJson(ok, { bufferKm: 500 })).toThrow(/from 0 to 100/);
    expect(() => areaFromGeoJson(ok, null as unknown as object)).toThrow(/options must be an object/);
  });
});
