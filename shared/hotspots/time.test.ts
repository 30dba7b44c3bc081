import { describe, expect, it } from 'vitest';
import { isoMs } from './time.js';

describe('isoMs', () => {
  it('equals Date.parse on canonical, other and invalid ISO strings', () => {
    const samples = [
      '2026-11-25T12:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2026-01-31T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-11-25T12:00:00Z',
      '2026-11-25T19:00:00+07:00',
      'nonsense',
      '0050-01-01T00:00:00.000Z',
    ];
    for (let t = -2e12; t < 4e12; t += 1.37e8) samples.push(new Date(t).toISOString());
    for (const s of samples) expect(isoMs(s), s).toBe(Date.parse(s));
  });
});
