import { describe, expect, it } from 'vitest';
import { bangkokDay, inQuietHours, quietHoursEnd } from './quiet-hours.js';

const night = { start: '21:00', end: '06:00' };

describe('Asia/Bangkok quiet hours', () => {
  it('reads the Bangkok calendar day (UTC+7)', () => {
    expect(bangkokDay('2026-11-25T16:59:59Z')).toBe('2026-11-25');
    expect(bangkokDay('2026-11-25T17:00:00Z')).toBe('2026-11-26');
  });

  it.each([
    ['2026-11-25T13:59:00Z', false], // 20:59 Bangkok
    ['2026-11-25T14:00:00Z', true], // 21:00
    ['2026-11-25T19:00:00Z', true], // 02:00 next day
    ['2026-11-25T22:59:00Z', true], // 05:59
    ['2026-11-25T23:00:00Z', false], // 06:00
  ])('spans midnight: %s → %s', (iso, quiet) => {
    expect(inQuietHours(night, iso)).toBe(quiet);
  });

  it('handles a daytime window and no window', () => {
    expect(inQuietHours({ start: '12:00', end: '13:30' }, '2026-11-25T06:15:00Z')).toBe(true);
    expect(inQuietHours({ start: '12:00', end: '13:30' }, '2026-11-25T06:30:00Z')).toBe(false);
    expect(inQuietHours(undefined, '2026-11-25T19:00:00Z')).toBe(false);
  });

  it('finds when quiet hours end', () => {
    expect(quietHoursEnd(night, '2026-11-25T19:00:30Z')).toBe('2026-11-25T23:00:00.000Z');
    expect(quietHoursEnd(night, '2026-11-25T14:00:00Z')).toBe('2026-11-25T23:00:00.000Z');
  });
});
