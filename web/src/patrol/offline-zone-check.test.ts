import { describe, expect, it } from 'vitest';
import type { PublicHotspotCollection } from '../../../shared/api/wire.js';
import { offlineZoneCheck, nearestTambon } from './offline-zone-check.js';

/** Two squares near Sungai Kolok: a medium one and a critical one inside it. */
function square(id: string, riskLevel: 'medium' | 'critical', lon: number, lat: number, halfDeg: number) {
  const ring = [
    [lon - halfDeg, lat - halfDeg],
    [lon + halfDeg, lat - halfDeg],
    [lon + halfDeg, lat + halfDeg],
    [lon - halfDeg, lat + halfDeg],
    [lon - halfDeg, lat - halfDeg],
  ];
  return {
    type: 'Feature' as const,
    properties: { id, riskLevel, tipCount: 5, firstSeen: '', lastSeen: '', admin: {}, categories: {} },
    geometry: { type: 'Polygon' as const, coordinates: [ring] },
  };
}

const snapshot: PublicHotspotCollection = {
  type: 'FeatureCollection',
  publishedAt: '2026-12-01T10:00:00.000Z',
  gridKm: 0.5,
  features: [square('outer', 'medium', 101.96, 6.03, 0.02), square('inner', 'critical', 101.96, 6.03, 0.005)],
};

const places = {
  provinces: [['96', 'นราธิวาส', 'Narathiwat', 6.2, 101.7] as [string, string, string, number, number]],
  amphoes: [['9613', 'สุไหงโก-ลก', 'Su-ngai Kolok', 6.03, 101.96] as [string, string, string, number, number]],
  tambons: [
    ['961301', 'สุไหงโก-ลก', 'Su-ngai Kolok', 6.03, 101.96, '9613'] as [string, string, string, number, number, string],
    ['960101', 'บางนาค', 'Bang Nak', 6.42, 101.82, '9601'] as [string, string, string, number, number, string],
  ],
};

describe('offlineZoneCheck', () => {
  it('answers inside with the riskiest hotspot holding the point, distance 0', () => {
    const res = offlineZoneCheck({ lat: 6.03, lon: 101.96 }, snapshot, places);
    expect(res).toMatchObject({ inRiskZone: true, riskLevel: 'critical', hotspotId: 'inner', nearestHotspotKm: 0 });
    expect(res.snapshotAt).toBe(snapshot.publishedAt);
    expect(res.admin).toMatchObject({ tambon: 'สุไหงโก-ลก', amphoe: 'สุไหงโก-ลก', province: 'นราธิวาส' });
  });

  it('measures the distance to the nearest edge from outside', () => {
    // 0.1° of latitude north of the outer square's top edge (6.05): about 11.1 km.
    const res = offlineZoneCheck({ lat: 6.15, lon: 101.96 }, snapshot, places);
    expect(res.inRiskZone).toBe(false);
    expect(res.riskLevel).toBeNull();
    expect(res.nearestHotspotKm).toBeGreaterThan(11);
    expect(res.nearestHotspotKm).toBeLessThan(11.2);
  });

  it('says there is no nearest hotspot when the snapshot is empty', () => {
    const res = offlineZoneCheck({ lat: 6.4, lon: 101.8 }, { ...snapshot, features: [] }, null);
    expect(res).toMatchObject({ inRiskZone: false, nearestHotspotKm: null, admin: null });
  });
});

describe('nearestTambon', () => {
  it('names the tambon with the nearest centroid', () => {
    expect(nearestTambon({ lat: 6.41, lon: 101.83 }, places)?.tambon).toBe('บางนาค');
  });
});
