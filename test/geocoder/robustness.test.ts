import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { geocode, reverseGeocode, type Gazetteer } from '../../shared/geocoder/index.js';
import { realGazetteer } from './real-gazetteer.js';

let g: Gazetteer;
beforeAll(async () => {
  g = await realGazetteer();
}, 60_000);

const PRECISIONS = ['tambon', 'amphoe', 'province', 'none'];
const thaiChar = fc.integer({ min: 0x0e01, max: 0x0e5b }).map((c) => String.fromCharCode(c));
const pieces = fc.oneof(
  thaiChar,
  fc.constantFrom('ต.', 'อ.', 'จ.', ' ', '-', 'เมือง', 'Tambon ', 'a. ', ', ', '96000', 'หนองบัว'),
  fc.string(),
);

describe('geocoder robustness', () => {
  it('returns a contract-shaped result for any text, never throwing', () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')),
        (text) => {
          const r = geocode(g, text);
          expect(PRECISIONS).toContain(r.precision);
          if (r.precision === 'none') expect(r).toEqual({ precision: 'none' });
          else {
            expect(Number.isFinite(r.lat) && Number.isFinite(r.lon)).toBe(true);
            expect(r.admin?.provinceCode).toMatch(/^\d{2}$/);
            expect(r.confidence).toBeGreaterThan(0);
            expect(r.confidence).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles a 5,000-character story full of place names', () => {
    const story = 'มีเด็กทำงานที่ตากใบ หาดใหญ่ สุไหงโก-ลก ต.หนองบัว อ.เมือง '.repeat(100).slice(0, 5000);
    expect(geocode(g, story).precision).not.toBe('none');
  });

  it('reverse-geocodes any valid point, inside Thailand or not', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (lat, lon) => {
          const r = reverseGeocode(g, { lat, lon });
          expect(r.precision).toBe('point');
          expect(typeof r.inThailand).toBe('boolean');
          if (r.inThailand) expect(r.admin?.tambonCode).toMatch(/^\d{6}$/);
        },
      ),
      { numRuns: 300 },
    );
    expect(() => reverseGeocode(g, { lat: 91, lon: 0 })).toThrow(RangeError);
  });
});
