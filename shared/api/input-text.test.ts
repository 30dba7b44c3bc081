import { describe, expect, it } from 'vitest';
import { hasVisibleText, latitude, longitude, pointSchema, visibleText } from './input-text.js';

describe('hasVisibleText', () => {
  it('sees letters, digits, punctuation and symbols in any script', () => {
    for (const s of ['a', 'ก', '٣', '!', '🙂', 'e\u0301', '\u3164x', 'zero\u200bwidth'])
      expect(hasVisibleText(s), s).toBe(true);
  });

  it('sees nothing in spaces, zero-width and format characters, lone marks, Hangul fillers or the Braille blank', () => {
    for (const s of [
      '',
      ' \t\n',
      '\u200b\u200c\u200d',
      '\ufeff',
      '\u0301\u0308',
      '\u00ad\u2060',
      '\u3164',
      '\u115f\u1160',
      '\uffa0',
      '\u2800',
      '\u{e0020}',
    ]) {
      expect(hasVisibleText(s), JSON.stringify(s)).toBe(false);
    }
  });
});

describe('visibleText', () => {
  const text = visibleText('text', 10);
  it('trims, and counts the limit after trimming', () => {
    expect(text.parse(`  ${'x'.repeat(10)}  `)).toBe('x'.repeat(10));
    expect(text.safeParse('x'.repeat(11)).success).toBe(false);
  });

  it('refuses invisible-only and ill-formed text, naming the field', () => {
    expect(text.safeParse('\u3164\u3164').error?.issues[0].message).toBe('text has no visible characters');
    expect(text.safeParse('\u2800').success).toBe(false);
    expect(text.safeParse('ok\ud800').error?.issues[0].message).toBe('text is not valid Unicode text');
  });
});

describe('coordinates', () => {
  it('are rounded to 7 decimals, so magnitudes DynamoDB refuses (below 1e-130) become 0', () => {
    expect(latitude.parse(1e-131)).toBe(0);
    expect(Object.is(longitude.parse(-1e-300), 0)).toBe(true);
    expect(latitude.parse(6.123456789)).toBe(6.1234568);
    expect(pointSchema.parse({ lat: 5e-324, lon: 101.99999999 })).toEqual({ lat: 0, lon: 102 });
  });

  it('refuses what is out of range, not a number, or has extra keys', () => {
    for (const p of [
      { lat: 1e200, lon: 0 },
      { lat: 0, lon: -181 },
      { lat: '6', lon: 1 },
      { lat: 0, lon: 0, alt: 1 },
    ]) {
      expect(pointSchema.safeParse(p).success, JSON.stringify(p)).toBe(false);
    }
  });
});
