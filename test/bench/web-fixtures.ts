/**
 * Synthetic data for the web bench, the same on every run: tips in the shape the coordinator
 * list gets (`TipListItem`) spread over the border provinces through the last year, and a
 * public snapshot of square hotspots around some of them.
 */
import type { PublicHotspotCollection, TipListItem } from '../../shared/api/wire.js';
import { CHANNELS, TIP_CATEGORIES, TIP_STATUSES } from '../../shared/types.js';
import { seededRandom } from '../../shared/testing/seeded-random.js';

/** Towns of the four provinces the tips cluster around: [lat, lon, tambon code, tambon, amphoe, province]. */
const TOWNS: Array<[number, number, string, string, string, string]> = [
  [6.425, 101.823, '960101', 'บางนาค', 'เมืองนราธิวาส', 'นราธิวาส'],
  [6.03, 101.965, '961301', 'สุไหงโก-ลก', 'สุไหงโก-ลก', 'นราธิวาส'],
  [6.26, 102.05, '960601', 'เจ๊ะเห', 'ตากใบ', 'นราธิวาส'],
  [6.868, 101.25, '940101', 'สะบารัง', 'เมืองปัตตานี', 'ปัตตานี'],
  [6.54, 101.28, '950101', 'สะเตง', 'เมืองยะลา', 'ยะลา'],
  [7.0, 100.47, '901101', 'หาดใหญ่', 'หาดใหญ่', 'สงขลา'],
  [6.63, 100.42, '901501', 'ปาดังเบซาร์', 'สะเดา', 'สงขลา'],
];

/** `count` tips, newest first as the API lists them. */
export function syntheticTips(count: number, nowMs: number, seed = 11): TipListItem[] {
  const rnd = seededRandom(seed);
  const tips: TipListItem[] = [];
  for (let i = 0; i < count; i++) {
    const [lat, lon, tambonCode, tambon, amphoe, province] = TOWNS[Math.floor(rnd() * TOWNS.length)];
    // Within ~10 km of the town, so clusters form as they do in the field.
    const p = { lat: lat + (rnd() - 0.5) * 0.18, lon: lon + (rnd() - 0.5) * 0.18 };
    const receivedAt = new Date(nowMs - Math.floor(rnd() * 364 * 86_400_000)).toISOString();
    tips.push({
      id: `bench-${i}`,
      reference: `PT-B${String(i).padStart(4, '0')}`,
      receivedAt,
      text: `รายงานทดสอบหมายเลข ${i}: พบแรงงานถูกกักตัวในพื้นที่`,
      category: TIP_CATEGORIES[Math.floor(rnd() * TIP_CATEGORIES.length)],
      channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)],
      status: TIP_STATUSES[Math.floor(rnd() * TIP_STATUSES.length)],
      location: p,
      geocode: { precision: 'point', ...p, admin: { tambonCode, tambon, amphoe, province } },
      lat: p.lat,
      lon: p.lon,
      urgent: rnd() < 0.05,
      hasContact: rnd() < 0.3,
    });
  }
  return tips.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

/** A public snapshot with one ~1 km square hotspot per town. */
export function syntheticSnapshot(nowIso: string): PublicHotspotCollection {
  return {
    type: 'FeatureCollection',
    publishedAt: nowIso,
    gridKm: 0.5,
    features: TOWNS.map(([lat, lon, tambonCode, tambon, amphoe, province], i) => {
      const d = 0.005 + (i % 3) * 0.003;
      const ring = [
        [lon - d, lat - d],
        [lon + d, lat - d],
        [lon + d, lat + d],
        [lon - d, lat + d],
        [lon - d, lat - d],
      ];
      return {
        type: 'Feature',
        properties: {
          id: `hs-bench-${i}`,
          riskLevel: (['low', 'medium', 'high', 'critical'] as const)[i % 4],
          tipCount: 3 + i,
          firstSeen: nowIso,
          lastSeen: nowIso,
          admin: { tambonCode, tambon, amphoe, province },
          categories: { other: 3 + i },
          trend: 'new',
        },
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
    }),
  };
}
