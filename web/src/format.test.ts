import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from './i18n/i18n.js';
import { bangkokLocalToIso, formatDate, formatDateTime, formatKm, placeWords } from './format.js';

// setLanguage touches document.documentElement and localStorage; a minimal stand-in is enough here.
Object.assign(globalThis, {
  document: { documentElement: { lang: 'th' } },
  localStorage: { getItem: () => null, setItem: () => undefined },
});

afterEach(() => setLanguage('th'));

describe('dates', () => {
  it('shows Thai dates in the Buddhist era, Bangkok time', () => {
    // 17:30 UTC is 00:30 the next day in Bangkok; 2026 CE is 2569 BE.
    expect(formatDateTime('2026-11-25T17:30:00Z')).toMatch(/26 พ\.ย\. 2569.*00:30/);
    expect(formatDate('2026-12-31T18:00:00Z')).toMatch(/1 ม\.ค\. 2570/);
  });

  it('shows Gregorian dates in English and Malay', async () => {
    await setLanguage('en');
    expect(formatDateTime('2026-11-25T17:30:00Z')).toMatch(/26 Nov 2026.*00:30/);
    await setLanguage('ms');
    expect(formatDate('2026-11-25T17:30:00Z')).toMatch(/26 Nov 2026/);
  });

  it('passes unparsable text through', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('placeWords', () => {
  const admin = { tambon: 'โคกเคียน', amphoe: 'เมืองนราธิวาส', province: 'นราธิวาส' };

  it('names the place in whole words, never ต./อ. or "(tambon)"', () => {
    expect(placeWords(admin)).toBe('ตำบลโคกเคียน อำเภอเมืองนราธิวาส จังหวัดนราธิวาส');
  });

  it('uses the English and Malay words for the levels', async () => {
    await setLanguage('en');
    expect(placeWords(admin)).toBe('โคกเคียน subdistrict, เมืองนราธิวาส district, นราธิวาส province');
    await setLanguage('ms');
    expect(placeWords({ province: 'ยะลา' })).toBe('Wilayah ยะลา');
  });

  it('says the place is unknown, and that a place at sea is at sea', () => {
    expect(placeWords(null)).toBe('ไม่ทราบสถานที่');
    expect(placeWords({ ...admin, sea: { nearestKm: 12.4 } })).toBe(
      'ในทะเล ห่างจากตำบลโคกเคียน อำเภอเมืองนราธิวาส จังหวัดนราธิวาส 12 km',
    );
  });
});

describe('formatKm and bangkokLocalToIso', () => {
  it('uses metres below 1 km and fewer decimals far away', () => {
    expect(formatKm(0.35)).toBe('350 m');
    expect(formatKm(2.44)).toBe('2.4 km');
    expect(formatKm(56.7)).toBe('57 km');
    expect(formatKm(null)).toBe('–');
  });

  it('reads a datetime-local value as Bangkok time', () => {
    expect(bangkokLocalToIso('2026-11-25T14:30')).toBe('2026-11-25T14:30:00+07:00');
    expect(bangkokLocalToIso('25/11/2569')).toBeUndefined();
  });
});
