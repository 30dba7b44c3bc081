import { describe, expect, it } from 'vitest';
import type { TipListItem } from '../../../shared/api/wire.js';
import { tipsToCsv, tipsToGeoJson } from './tip-export.js';

const tip = (over: Partial<TipListItem>): TipListItem => ({
  id: 't1',
  reference: 'PT-AAAA-BBBB',
  receivedAt: '2026-11-30T03:00:00.000Z',
  text: 'เห็นเด็ก "ทำงาน", กลางคืน',
  category: 'child_labour',
  channel: 'web',
  status: 'new',
  geocode: {
    precision: 'tambon',
    lat: 6.42,
    lon: 101.82,
    admin: { province: 'นราธิวาส', tambon: 'บางนาค', tambonCode: '960101' },
  },
  urgent: false,
  hasContact: true,
  ...over,
});

describe('tipsToCsv', () => {
  const csv = tipsToCsv([tip({}), tip({ id: 't2', text: '=HYPERLINK("x")', location: { lat: 6.1, lon: 101.9 } })]);

  it('starts with a UTF-8 BOM and a header, one CRLF line per tip', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'id,reference,receivedAt,occurredAt,category,channel,status,urgent,lat,lon,precision,province,amphoe,tambon,tambonCode,address,text',
    );
    expect(lines).toHaveLength(4);
  });

  it('quotes commas and quotes, keeps Thai, and defuses formulas', () => {
    expect(csv).toContain('"เห็นเด็ก ""ทำงาน"", กลางคืน"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(',6.1,101.9,');
  });

  it('never carries a contact column', () => {
    expect(csv.split('\r\n')[0]).not.toMatch(/contact|phone/);
  });
});

describe('tipsToGeoJson', () => {
  it('places a tip at its own point, else at the geocoded centroid, else with no geometry', () => {
    const fc = tipsToGeoJson([
      tip({ location: { lat: 6.1, lon: 101.9 } }),
      tip({ id: 't2' }),
      tip({ id: 't3', geocode: { precision: 'none' } }),
    ]);
    expect(fc.features.map((f) => f.geometry?.coordinates ?? null)).toEqual([[101.9, 6.1], [101.82, 6.42], null]);
    expect(fc.features[0].properties).toMatchObject({ id: 't1', reference: 'PT-AAAA-BBBB', status: 'new' });
  });
});
