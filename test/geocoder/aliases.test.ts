import { beforeAll, describe, expect, it } from 'vitest';
import { geocode, PLACE_ALIASES, type Gazetteer } from '../../shared/geocoder/index.js';
import { realGazetteer } from './real-gazetteer.js';

let g: Gazetteer;
beforeAll(async () => {
  g = await realGazetteer();
}, 60_000);

const LEVEL = { 2: 'province', 4: 'amphoe', 6: 'tambon' } as const;

describe('alias table', () => {
  it('notes a source for every entry', () => {
    for (const a of PLACE_ALIASES) expect(a.source.length, a.name).toBeGreaterThan(5);
  });

  it.each(PLACE_ALIASES.map((a) => [a.name, a.code] as const))('"%s" alone geocodes to %s', (name, code) => {
    const r = geocode(g, name);
    expect(r.precision).toBe(LEVEL[code.length as 2 | 4 | 6]);
    const got =
      r.precision === 'tambon'
        ? r.admin?.tambonCode
        : r.precision === 'amphoe'
          ? r.admin?.amphoeCode
          : r.admin?.provinceCode;
    expect(got).toBe(code);
  });
});
