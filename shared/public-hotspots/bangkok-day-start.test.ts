import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bangkokDayStart } from './bangkok-day-start.js';

const DAY = 86_400_000;
const SEVEN_HOURS = 7 * 3_600_000;

describe('bangkokDayStart', () => {
  it('rounds down to 00:00 Bangkok, which is 17:00 UTC the day before', () => {
    expect(bangkokDayStart('2026-12-01T09:30:00+07:00')).toBe('2026-11-30T17:00:00.000Z');
    expect(bangkokDayStart('2026-12-01T02:23:17.123Z')).toBe('2026-11-30T17:00:00.000Z');
  });

  it('keeps a day start and rounds the last millisecond of a day to that day', () => {
    expect(bangkokDayStart('2026-11-30T17:00:00.000Z')).toBe('2026-11-30T17:00:00.000Z');
    expect(bangkokDayStart('2026-11-30T16:59:59.999Z')).toBe('2026-11-29T17:00:00.000Z');
  });

  it('crosses months and years in Bangkok time', () => {
    expect(bangkokDayStart('2026-12-31T18:00:00.000Z')).toBe('2026-12-31T17:00:00.000Z'); // 01:00, 1 Jan 2027
    expect(bangkokDayStart('2027-01-01T16:00:00.000Z')).toBe('2026-12-31T17:00:00.000Z');
  });

  it('throws on a time it cannot read', () => {
    expect(() => bangkokDayStart('yesterday')).toThrow(RangeError);
  });

  it('always gives a day start at most one day before the instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (ms) => {
        const start = Date.parse(bangkokDayStart(new Date(ms).toISOString()));
        expect((start + SEVEN_HOURS) % DAY).toBe(0);
        expect(start).toBeLessThanOrEqual(ms);
        expect(ms - start).toBeLessThan(DAY);
      }),
    );
  });
});
