/**
 * Held-out service-area cases (`fixtures/service-area-holdout.json`), written from map
 * knowledge before the service area existed and scored once, unchanged since. The one miss
 * is pinned as a miss, with its reason, so that any change to it shows.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reverseGeocode, type Gazetteer } from '../../shared/geocoder/index.js';
import { defaultServiceArea, type AreaClass } from '../../shared/service-area/index.js';
import { realGazetteer } from './real-gazetteer.js';

interface HoldoutCase {
  name: string;
  lat: number;
  lon: number;
  expect: AreaClass;
  province?: string;
  maxSeaKm?: number;
}

const { cases } = JSON.parse(
  readFileSync(new URL('./fixtures/service-area-holdout.json', import.meta.url), 'utf8'),
) as { cases: HoldoutCase[] };

/**
 * Scored misses. Poipet: the point written for it (13.65, 102.54) lies 1.4 km inside Sa
 * Kaeo's polygon, on the Thai side at Aranyaprathet (Rong Kluea market): the case's
 * coordinate was wrong, not the classification.
 */
const KNOWN_MISSES: Record<string, AreaClass> = { 'Poipet, Cambodia': 'land' };

let g: Gazetteer;
beforeAll(async () => {
  g = await realGazetteer();
}, 60_000);

describe('held-out service-area cases', () => {
  it('has the cases it was scored on (31: 14 land, 8 buffer, 9 outside)', () => {
    expect(cases).toHaveLength(31);
    expect(cases.filter((c) => c.expect === 'land')).toHaveLength(14);
    expect(cases.filter((c) => c.expect === 'buffer')).toHaveLength(8);
  });

  for (const c of cases) {
    it(`${c.name}: ${KNOWN_MISSES[c.name] ? `known miss (${KNOWN_MISSES[c.name]})` : c.expect}`, () => {
      const got = defaultServiceArea(g).classify(c);
      const r = reverseGeocode(g, c);
      if (KNOWN_MISSES[c.name]) {
        expect(got).toBe(KNOWN_MISSES[c.name]);
        return;
      }
      expect(got).toBe(c.expect);
      expect(r.inThailand).toBe(c.expect === 'land');
      if (c.expect === 'outside') expect(r.admin).toBeUndefined();
      if (c.province) expect(r.admin?.provinceCode).toBe(c.province);
      if (c.expect === 'buffer') expect(r.admin?.sea?.nearestKm).toBeLessThan(c.maxSeaKm!);
    });
  }
});
