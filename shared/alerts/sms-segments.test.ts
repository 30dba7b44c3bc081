import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments, smsEncoding } from './sms-segments.js';

describe('countSegments', () => {
  it('uses GSM-7 for Malay and English', () => {
    expect(smsEncoding('Kawasan berisiko baharu, tahap tinggi')).toBe('GSM-7');
    expect(smsEncoding('Sungai Kolok: 6 laporan @ 10:00')).toBe('GSM-7');
  });

  it('switches to UCS-2 on one Thai letter or emoji', () => {
    expect(smsEncoding('Hotspot at ตากใบ')).toBe('UCS-2');
    expect(smsEncoding('alert 🚨')).toBe('UCS-2');
  });

  it.each([
    ['a'.repeat(160), 1, 'GSM-7'],
    ['a'.repeat(161), 2, 'GSM-7'],
    ['a'.repeat(306), 2, 'GSM-7'],
    ['a'.repeat(307), 3, 'GSM-7'],
    ['{'.repeat(80), 1, 'GSM-7'],
    ['{'.repeat(81), 2, 'GSM-7'],
    ['ก'.repeat(70), 1, 'UCS-2'],
    ['ก'.repeat(71), 2, 'UCS-2'],
    ['ก'.repeat(134), 2, 'UCS-2'],
    ['ก'.repeat(135), 3, 'UCS-2'],
    ['', 1, 'GSM-7'],
  ] as const)('counts %#', (text, segments, encoding) => {
    expect(countSegments(text)).toMatchObject({ segments, encoding });
  });

  it('never cuts an escape pair across parts', () => {
    // 152 plain septets then an extension character: the pair moves to the second part.
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`).segments).toBe(3);
    expect(countSegments(`${'a'.repeat(151)}€${'a'.repeat(151)}`).segments).toBe(2);
  });

  it('grows monotonically with the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 5 }), (text, more) => {
        expect(countSegments(text + more).segments).toBeGreaterThanOrEqual(countSegments(text).segments);
      }),
    );
  });
});
