import { describe, expect, it } from 'vitest';
import type { Hotspot } from '../../../shared/types.js';
import { roundRing, toPublicFeature } from './hotspots.js';

describe('public hotspot features', () => {
  it('round vertices to about 110 m and drop the repeats that makes, keeping the ring closed', () => {
    const ring = [
      [101.72512, 6.29801],
      [101.72549, 6.29811],
      [101.7281, 6.2921],
      [101.72512, 6.29801],
    ];
    expect(roundRing(ring)).toEqual([
      [101.725, 6.298],
      [101.728, 6.292],
      [101.725, 6.298],
    ]);
  });

  it('carry aggregates only: no member tip ids, no exact points', () => {
    const h = {
      id: 'hs-1',
      status: 'active',
      riskLevel: 'high',
      riskScore: 12,
      tipCount: 6,
      categories: { other: 6 },
      firstSeen: 'a',
      lastSeen: 'b',
      centroid: { lat: 6.42551, lon: 101.82312 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [101.82312, 6.42551],
            [101.8241, 6.4255],
            [101.8241, 6.4265],
            [101.82312, 6.42551],
          ],
        ],
      },
      admin: { provinceCode: '96' },
      memberTipIds: ['secret-tip-id'],
      createdAt: 'a',
      updatedAt: 'b',
      trend: 'new',
    } as Hotspot;
    const f = toPublicFeature(h);
    const json = JSON.stringify(f);
    expect(json).not.toContain('secret-tip-id');
    expect(json).not.toContain('101.82312');
    expect(f.properties).toMatchObject({
      id: 'hs-1',
      riskLevel: 'high',
      tipCount: 6,
      trend: 'new',
      admin: { provinceCode: '96' },
    });
  });
});
