import { describe, expect, it } from 'vitest';
import { hashForHotspot, hotspotIdFromHash } from './hotspot-link.js';

describe('hotspot deep links', () => {
  it('reads the id the alert SMS puts in the fragment', () => {
    expect(hotspotIdFromHash('#h=hs-1a7d8655d')).toBe('hs-1a7d8655d');
    expect(hotspotIdFromHash('#x=1&h=hs-2')).toBe('hs-2');
  });
  it('ignores empty or unrelated fragments', () => {
    expect(hotspotIdFromHash('')).toBeUndefined();
    expect(hotspotIdFromHash('#h=')).toBeUndefined();
    expect(hotspotIdFromHash('#map')).toBeUndefined();
  });
  it('round-trips an id', () => {
    expect(hotspotIdFromHash(hashForHotspot('hs-abc'))).toBe('hs-abc');
  });
});
