import { describe, expect, it } from 'vitest';
import { allowedEdits, fuzzyLookup, prefixDistance } from './fuzzy.js';

describe('prefixDistance', () => {
  it('is 0 when the name is a prefix of the span (extra words after the name)', () => {
    expect(prefixDistance('โคกเคียน', 'โคกเคียนมีเด็ก', 2)).toBe(0);
  });

  it('counts a dropped letter, a wrong letter and a swap as one edit each', () => {
    expect(prefixDistance('โคกเคียน', 'โคกเคยน', 2)).toBe(1);
    expect(prefixDistance('สะเตงนอก', 'สะเตงนอด', 2)).toBe(1);
    expect(prefixDistance('บางนา', 'บงานา', 2)).toBe(1);
  });

  it('returns maxDist + 1 when the span is too different', () => {
    expect(prefixDistance('นราธิวาส', 'ปัตตานี', 1)).toBe(2);
  });
});

describe('fuzzyLookup', () => {
  it('returns every entry at the best distance, preferring the longer name', () => {
    const hit = fuzzyLookup(
      [
        { id: 1, key: 'สะเตง' },
        { id: 2, key: 'สะเตงนอก' },
      ],
      'สะเตงนอด',
    );
    expect(hit).toEqual({ ids: [1], dist: 0, length: 5 });
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(9)).toBe(2);
  });
});
