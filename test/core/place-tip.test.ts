import { beforeAll, describe, expect, it } from 'vitest';
import { clusterPoint, placeOfTip as placeOf } from '../../shared/core/place-tip.js';
import type { Gazetteer } from '../../shared/geocoder/index.js';
import { realGazetteer } from '../geocoder/real-gazetteer.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await realGazetteer();
});
const placeOfTip = (input: Parameters<typeof placeOf>[1]) => placeOf(gazetteer, input);

describe('placeOfTip', () => {
  it('reverse geocodes a GPS location before looking at the address or the text', () => {
    const place = placeOfTip({ location: { lat: 6.4255, lon: 101.8231 }, address: 'Hat Yai', text: 'ต.เจ๊ะเห อ.ตากใบ' });
    expect(place.precision).toBe('point');
    expect(place.admin?.provinceCode).toBe('96');
  });

  it('uses the address, and falls back to the places named in the text', () => {
    expect(placeOfTip({ address: 'ต.เจ๊ะเห อ.ตากใบ จ.นราธิวาส', text: 'x' }).admin?.tambonCode).toMatch(/^9602/);
    const fromText = placeOfTip({ address: 'zzzz qqqq', text: 'ร้านคาราโอเกะใน ต.เจ๊ะเห อ.ตากใบ มีเด็กทำงาน' });
    expect(fromText.precision).toBe('tambon');
    expect(fromText.admin?.amphoe).toBe('ตากใบ');
  });

  it('finds no place in text that names none', () => {
    expect(placeOfTip({ text: 'I saw something bad yesterday' }).precision).toBe('none');
  });
});

describe('clusterPoint', () => {
  it('clusters GPS points, pasted coordinates and tambon centroids, not coarser places', () => {
    expect(clusterPoint({ location: { lat: 6.1, lon: 101.9 } }, { precision: 'point' })).toEqual({
      lat: 6.1,
      lon: 101.9,
    });
    expect(clusterPoint({}, { precision: 'point', lat: 6.2, lon: 101.8 })).toEqual({ lat: 6.2, lon: 101.8 });
    expect(clusterPoint({}, { precision: 'tambon', lat: 6.3, lon: 101.7 })).toEqual({ lat: 6.3, lon: 101.7 });
    expect(clusterPoint({}, { precision: 'amphoe', lat: 6.3, lon: 101.7 })).toBeUndefined();
    expect(clusterPoint({}, { precision: 'none' })).toBeUndefined();
  });
});
