/**
 * Alert texts against every real place name of the gazetteer (GEODATA_DIR), including the
 * longest ones: every message fits in 2 parts, keeps the hotline, and never leaks anything
 * but the fields it is given.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeDigestSms } from '../../shared/alerts/digest-sms.js';
import { countSegments } from '../../shared/alerts/sms-segments.js';
import { composeAlertSms } from '../../shared/alerts/sms-text.js';
import { cleanSubdistricts } from '../../shared/geocoder/clean-subdistricts.js';
import { ALERT_REASONS, LANGUAGES, RISK_LEVELS } from '../../shared/types.js';

const geodataDir = process.env.GEODATA_DIR ?? resolve(import.meta.dirname, '../../../shared/geodata');
const { tambons } = cleanSubdistricts(readFileSync(resolve(geodataDir, 'th-subdistricts.csv'), 'utf8'));
const byLength =
  <T>(key: (t: T) => number) =>
  (a: T, b: T) =>
    key(b) - key(a);
const longestTh = [...tambons].sort(byLength((t) => t.th.length + t.amphoeTh.length)).slice(0, 25);
const longestEn = [...tambons].sort(byLength((t) => t.en.length + t.amphoeEn.length)).slice(0, 25);
const south = tambons.filter((t) => ['90', '94', '95', '96'].includes(t.provinceCode));

const placeArb = fc.oneof(
  fc.constantFrom(...longestTh, ...longestEn),
  fc.constantFrom(...south),
  fc.constantFrom(...tambons),
);
const linkArb = fc.oneof(
  fc.constant('https://phithak.example.org/#h=3f9c2a1b'),
  fc.webUrl({ size: 'small' }),
  fc
    .string({ minLength: 1, maxLength: 120 })
    .map((s) => `https://d1234567890abc.cloudfront.net/#h=${encodeURIComponent(s)}`),
);
const inputArb = fc.record({
  language: fc.constantFrom(...LANGUAGES),
  reason: fc.constantFrom(...ALERT_REASONS),
  riskLevel: fc.constantFrom(...RISK_LEVELS),
  place: placeArb,
  romanised: fc.boolean(),
  tipCount: fc.integer({ min: 0, max: 100_000 }),
  link: linkArb,
  sea: fc.option(
    fc.record({ nearestKm: fc.oneof(fc.double({ min: 0, max: 200, noNaN: true }), fc.constant(Number.NaN)) }),
    {
      nil: undefined,
    },
  ),
});
const SEA_WORDS = { th: 'ทะเลใกล้', ms: 'Di laut dekat', en: 'At sea near' } as const;

describe('alert SMS with real place names', () => {
  it('reads the gazetteer (sanity: the longest names are long)', () => {
    expect(tambons.length).toBeGreaterThan(7000);
    expect(longestTh[0]!.th.length + longestTh[0]!.amphoeTh.length).toBeGreaterThan(30);
    expect(tambons.some((t) => /^\*|^แขวง|^เขต|\s$/.test(t.th))).toBe(false);
  });

  it('always fits in 2 parts, states the hotline, count and risk, and the part count is right', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const tambon = i.romanised ? i.place.en : i.place.th;
        const amphoe = i.romanised ? i.place.amphoeEn : i.place.amphoeTh;
        const sms = composeAlertSms({ ...i, tambon, amphoe, hotline: '1300' });
        expect(sms.segments).toBeLessThanOrEqual(2);
        expect(sms.segments).toBe(countSegments(sms.text).segments);
        expect(sms.encoding).toBe(countSegments(sms.text).encoding);
        expect(sms.text).toContain('1300');
        if (i.reason !== 'test') expect(sms.text).toContain(String(i.tipCount));
        expect(sms.text).not.toMatch(/[\r\n]/);
        // At sea, wherever the text names the tambon it says "near"; on land it never says sea.
        if (i.reason !== 'test' && tambon.trim()) {
          const near = SEA_WORDS[i.language];
          if (i.language === 'th') {
            if (i.sea && sms.text.includes(`ต.${tambon}`)) expect(sms.text).toContain(`${near} ต.${tambon}`);
          } else {
            // The place follows the first sentence: "Phithak: New hotspot, high risk. <place>".
            const place = sms.text.slice(sms.text.indexOf('. ') + 2);
            if (i.sea && (place.startsWith(tambon) || place.startsWith(near)))
              expect(place.startsWith(`${near} ${tambon}`)).toBe(true);
          }
          if (!i.sea) expect(sms.text).not.toContain(near);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('keeps the tambon, the sea note and the link for every southern border tambon at sea', () => {
    const amphoeKept = { th: 0, ms: 0, en: 0 };
    for (const t of south) {
      for (const language of LANGUAGES) {
        const romanised = language !== 'th';
        const [tambon, amphoe] = romanised ? [t.en, t.amphoeEn] : [t.th, t.amphoeTh];
        const sms = composeAlertSms({
          language,
          reason: 'escalated',
          riskLevel: 'critical',
          tambon,
          amphoe,
          sea: { nearestKm: 99.6 },
          tipCount: 128,
          link: 'https://phithak.example.org/#h=3f9c2a1b',
          hotline: '1300',
        });
        expect(sms.segments, sms.text).toBeLessThanOrEqual(2);
        expect(sms.text).toContain(`${SEA_WORDS[language]} ${romanised ? '' : 'ต.'}${tambon}`);
        expect(sms.text).toMatch(/~100 (km|กม\.)/);
        expect(sms.text).toContain('phithak.example.org');
        if (sms.text.includes(amphoe)) amphoeKept[language]++;
      }
    }
    // GSM-7 has room for the amphoe too; in Thai (UCS-2, 134 units in 2 parts) the sea words
    // and the distance leave room for it only with the shortest names, so it goes first.
    expect(amphoeKept.ms).toBe(south.length);
    expect(amphoeKept.en).toBe(south.length);
    expect(amphoeKept.th).toBeLessThan(south.length / 2);
  });

  it('Malay and English with romanised names stay in GSM-7', () => {
    const t = south.find((x) => x.code === '961301') ?? south[0]!;
    for (const language of ['ms', 'en'] as const) {
      const sms = composeAlertSms({
        language,
        reason: 'new_hotspot',
        riskLevel: 'high',
        tambon: t.en,
        amphoe: t.amphoeEn,
        tipCount: 6,
        link: 'https://phithak.example.org/#h=1',
        hotline: '1300',
      });
      expect(sms.encoding).toBe('GSM-7');
      expect(sms.segments).toBe(1);
    }
  });

  it('digests fit in 2 parts too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGUAGES),
        fc.nat(1000),
        fc.nat(1000),
        fc.constantFrom(...RISK_LEVELS),
        linkArb,
        (language, alertCount, hotspotCount, highestRisk, link) => {
          const sms = composeDigestSms({ language, alertCount, hotspotCount, highestRisk, link, hotline: '1300' });
          expect(sms.segments).toBeLessThanOrEqual(2);
          expect(sms.text).toContain('1300');
        },
      ),
    );
  });
});
