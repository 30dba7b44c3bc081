import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bboxQuery, IN_ORDER, inOrder, isoTime, noQuery, pointQuery, timeRange } from './query-schemas.js';

const TINY = `0.${'0'.repeat(139)}1`;

describe('pointQuery', () => {
  it('reads plain decimals and rounds them like body coordinates', () => {
    expect(pointQuery.parse({ lat: '6.123456789', lon: '+101.8' })).toEqual({ lat: 6.1234568, lon: 101.8 });
    expect(pointQuery.parse({ lat: TINY, lon: '-0' })).toEqual({ lat: 0, lon: 0 });
    expect(pointQuery.parse({ lat: '.5', lon: '6.' })).toEqual({ lat: 0.5, lon: 6 });
  });

  it('refuses empty, hexadecimal, exponent, non-finite and padded values, and extra keys', () => {
    for (const lat of ['', ' ', '0x10', '1e3', 'Infinity', 'NaN', ' 6.4', '6.4 ', '91', '9'.repeat(400), '١٢']) {
      expect(pointQuery.safeParse({ lat, lon: '101' }).success, JSON.stringify(lat)).toBe(false);
    }
    expect(pointQuery.safeParse({ lat: '6', lon: '101', constructor: '1' }).success).toBe(false);
  });
});

describe('bboxQuery', () => {
  it('reads west,south,east,north, rounded', () => {
    expect(bboxQuery.parse(`101,${TINY},102.123456789,7`)).toEqual([101, 0, 102.1234568, 7]);
  });

  it('refuses empty parts, reversed corners, too many parts and exponents', () => {
    for (const bbox of [',,,', '101,,102,7', '102,6,101,7', '101,6,102,7,8', '1e2,6,102,7', '101,6,102', '']) {
      expect(bboxQuery.safeParse(bbox).success, bbox).toBe(false);
    }
  });
});

describe('isoTime and time ranges', () => {
  it('normalises to UTC and keeps to the years 1970–2999', () => {
    expect(isoTime.parse('2026-01-01T07:00:00+07:00')).toBe('2026-01-01T00:00:00.000Z');
    for (const t of [
      '1969-12-31T23:59:59Z',
      '9999-12-31T23:59:59.999Z',
      '0000-01-01T00:00:00Z',
      '1970-01-01T00:00:00+01:00',
    ]) {
      expect(isoTime.safeParse(t).success, t).toBe(false);
    }
  });

  it('refuses a range whose since is after its until', () => {
    const range = z.object(timeRange).strict().refine(inOrder, IN_ORDER);
    expect(range.safeParse({ since: '2026-01-01T00:00:00Z', until: '2026-01-01T00:00:00Z' }).success).toBe(true);
    expect(range.safeParse({ since: '2026-01-01T00:00:00Z' }).success).toBe(true);
    const reversed = range.safeParse({ since: '2026-01-02T00:00:00Z', until: '2026-01-01T00:00:00Z' });
    expect(reversed.error?.issues[0]).toMatchObject({ path: ['since'], message: 'since must not be after until' });
  });
});

describe('noQuery', () => {
  it('refuses any key, built-in member names included', () => {
    expect(noQuery.safeParse(Object.create(null)).success).toBe(true);
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'x']) {
      const q = Object.assign(Object.create(null), { [key]: '1' });
      expect(noQuery.safeParse(q).success, key).toBe(false);
    }
  });
});
