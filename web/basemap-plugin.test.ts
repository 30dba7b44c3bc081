import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBasemap } from './basemap-plugin.js';

const geodataDir = resolve(import.meta.dirname, '..', process.env.GEODATA_DIR ?? '../shared/geodata');

describe('buildBasemap', () => {
  const json = buildBasemap({ geodataDir });
  const fc = JSON.parse(json) as {
    features: Array<{ properties: Record<string, string>; geometry: { coordinates: unknown } }>;
  };

  it('keeps all 77 provinces with code and names only', () => {
    expect(fc.features).toHaveLength(77);
    const narathiwat = fc.features.find((f) => f.properties.code === '96');
    expect(narathiwat?.properties).toEqual({ code: '96', nameTh: 'นราธิวาส', nameEn: 'Narathiwat' });
  });

  it('stays small enough for a phone on a weak signal', () => {
    expect(json.length).toBeLessThan(400_000);
  });

  it('rounds coordinates to 3 decimals', () => {
    const numbers = JSON.stringify(fc.features.map((f) => f.geometry.coordinates)).match(/\d+\.\d+/g) ?? [];
    expect(numbers.length).toBeGreaterThan(1000);
    expect(numbers.every((n) => n.split('.')[1].length <= 3)).toBe(true);
  });

  it('says which setting to fix when the input is missing', () => {
    expect(() => buildBasemap({ geodataDir: '/nonexistent' })).toThrow(/GEODATA_DIR/);
  });
});
