import { beforeAll, describe, expect, it } from 'vitest';
import { geocode, provinceOf, reverseGeocode, type Gazetteer } from '../../shared/geocoder/index.js';
import { realGazetteer } from './real-gazetteer.js';

let g: Gazetteer;
beforeAll(async () => {
  g = await realGazetteer();
}, 60_000);

describe('forward geocoding on the real gazetteer', () => {
  it('returns the contract example for ต.โคกเคียน อ.เมือง จ.นราธิวาส', () => {
    const r = geocode(g, 'ต.โคกเคียน อ.เมือง จ.นราธิวาส');
    expect(r).toMatchObject({
      precision: 'tambon',
      admin: {
        provinceCode: '96',
        province: 'นราธิวาส',
        amphoeCode: '9601',
        amphoe: 'เมืองนราธิวาส',
        tambonCode: '960107',
        tambon: 'โคกเคียน',
      },
    });
    expect(r.lat).toBeCloseTo(6.482, 3);
    expect(r.confidence).toBeGreaterThan(0.9);
    expect(r.alternatives).toBeUndefined();
  });

  it('uses the hierarchy to pick one of the 27 หนองบัว, and lists alternatives without it', () => {
    expect(geocode(g, 'ต.หนองบัว อ.เมือง จ.อุดรธานี').admin?.tambonCode?.slice(0, 4)).toBe('4101');
    const bare = geocode(g, 'ต.หนองบัว');
    expect(bare.precision).toBe('tambon');
    expect(bare.alternatives?.length).toBeGreaterThan(0);
    expect(bare.confidence).toBeLessThan(0.6);
  });

  it('reads สุไหงโกลก and สุไหงโก-ลก as the same names', () => {
    expect(geocode(g, 'อ.สุไหงโกลก').admin?.amphoeCode).toBe('9610');
    expect(geocode(g, 'ต.สุไหงโก-ลก').admin?.tambonCode).toBe('961001');
  });

  it('finds Bueng Kan under its official code 38', () => {
    expect(geocode(g, 'อ.เซกา จ.บึงกาฬ').admin).toMatchObject({ provinceCode: '38', amphoeCode: '3804' });
  });

  it('reads coordinates pasted into a tip as the point, but not times or far-away points', () => {
    expect(geocode(g, 'เด็กทำงานที่พิกัด 6.0300, 101.9700 ตอนนี้')).toMatchObject({
      precision: 'point',
      lat: 6.03,
      lon: 101.97,
      admin: { amphoeCode: '9610' },
    });
    expect(geocode(g, 'เวลา 22.00 น. ที่ 1.3000, 103.8000').precision).toBe('none');
  });

  it('reads coordinates at sea within the service area as the point, named after the nearest tambon', () => {
    const r = geocode(g, 'เรือประมงจอดอยู่ที่ 7.0500, 101.0500 มีลูกเรือถูกขัง');
    expect(r).toMatchObject({ precision: 'point', lat: 7.05, lon: 101.05, inThailand: false });
    expect(r.admin).toMatchObject({ provinceCode: '94', tambon: 'บางตาวา', sea: { nearestKm: 24.5 } });
    expect(geocode(g, 'เรืออยู่ที่ 9.0000, 102.0000').precision).toBe('none'); // the middle of the Gulf
    expect(geocode(g, 'เลขที่ 95.1234, 101.1234 ตากใบ').admin?.amphoeCode).toBe('9602'); // not a coordinate
  });

  it('answers {precision: none} for text without a place', () => {
    expect(geocode(g, 'มีเด็กทำงานหนักมาก')).toEqual({ precision: 'none' });
    expect(geocode(g, '')).toEqual({ precision: 'none' });
  });
});

describe('reverse geocoding on the real gazetteer', () => {
  it('gives province, amphoe and tambon with the distance to the tambon centroid', () => {
    const r = reverseGeocode(g, { lat: 6.482, lon: 101.763 });
    expect(r).toMatchObject({ precision: 'point', lat: 6.482, lon: 101.763, inThailand: true });
    expect(r.admin?.tambonCode).toBe('960107');
    expect(r.distanceKm).toBeLessThan(0.05);
  });

  it('puts a point in Sungai Kolok town in Narathiwat, and Bangkok points in Bangkok', () => {
    expect(reverseGeocode(g, { lat: 6.03, lon: 101.97 }).admin?.amphoeCode).toBe('9610');
    expect(provinceOf(g, { lat: 13.75, lon: 100.5 })).toEqual({ provinceCode: '10', province: 'กรุงเทพมหานคร' });
  });

  it('says when a point is outside Thailand (Kota Bharu, Malaysia; the open sea)', () => {
    // Kota Bharu is ~20 km from the border: inside the service area's 30 km buffer, so it
    // is named after the nearest tambon (in Tak Bai) with a sea note.
    expect(reverseGeocode(g, { lat: 6.125, lon: 102.238 })).toEqual({
      precision: 'point',
      lat: 6.125,
      lon: 102.238,
      inThailand: false,
      admin: {
        provinceCode: '96',
        province: 'นราธิวาส',
        amphoeCode: '9602',
        amphoe: 'ตากใบ',
        tambonCode: '960207',
        tambon: 'นานาค',
        sea: { nearestKm: 18.7 },
      },
      distanceKm: 18.67,
    });
    expect(reverseGeocode(g, { lat: 0, lon: 0 })).toEqual({ precision: 'point', lat: 0, lon: 0, inThailand: false });
  });

  it('puts at least 99.9% of tambon centroids in their own province (polygons agree with the CSV)', () => {
    const tambons = g.places.filter((p) => p.level === 2);
    const own = tambons.filter((p) => reverseGeocode(g, p).admin?.provinceCode === p.code.slice(0, 2));
    expect(own.length / tambons.length).toBeGreaterThanOrEqual(0.999);
  });

  it('forgives the boundary simplification just off the Narathiwat coast, not 1 km out', () => {
    // At lat 6.4255 the simplified coastline is at lon 101.8695; 0.001 deg of lon = 110 m.
    expect(reverseGeocode(g, { lat: 6.4255, lon: 101.8705 }).admin?.provinceCode).toBe('96');
    expect(reverseGeocode(g, { lat: 6.4255, lon: 101.879 }).inThailand).toBe(false);
  });

  it('uses Bueng Kan code 38 for points in Bueng Kan', () => {
    expect(provinceOf(g, { lat: 18.36, lon: 103.65 })?.provinceCode).toBe('38');
  });
});
