import { describe, expect, it } from 'vitest';
import { viewFor } from './router.js';

describe('viewFor', () => {
  it('opens each view at its own route', () => {
    expect(viewFor('/', '')).toBe('public');
    expect(viewFor('/coordinator', '')).toBe('coordinator');
    expect(viewFor('/coordinator/', '')).toBe('coordinator');
    expect(viewFor('/patrol', '')).toBe('patrol');
  });

  it('opens the patrol check for a zone link and the public map for hotspot and stop links', () => {
    expect(viewFor('/', '#z=6.42,101.82')).toBe('patrol');
    expect(viewFor('/', '#h=hs-1')).toBe('public');
    expect(viewFor('/', '#stop')).toBe('public');
    expect(viewFor('/', '#z=not,a-point')).toBe('public');
  });
});
