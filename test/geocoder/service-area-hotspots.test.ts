/**
 * What the service area does for hotspots, end to end on the pure parts (the lead wires the
 * same steps into the tip and hotspot handlers): tips are placed by `reverseGeocode`, tips
 * the area does not contain are left out of clustering, and hotspots at sea are named after
 * the nearest tambon and alert like any other.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { composeAlertSms } from '../../shared/alerts/sms-text.js';
import { reverseGeocode, type Gazetteer } from '../../shared/geocoder/index.js';
import { isPublicHotspot, recomputeHotspots } from '../../shared/hotspots/index.js';
import { defaultServiceArea, type ServiceArea } from '../../shared/service-area/index.js';
import type { ClusterTip, LatLon, TipCategory } from '../../shared/types.js';
import { realGazetteer } from './real-gazetteer.js';

const NOW = '2026-03-01T12:00:00.000Z';

let g: Gazetteer;
let area: ServiceArea;
beforeAll(async () => {
  g = await realGazetteer();
  area = defaultServiceArea(g);
}, 60_000);

function tipsAt(points: LatLon[], category: TipCategory): ClusterTip[] {
  return points.map((p, i) => ({
    id: `t${i}`,
    ...p,
    receivedAt: new Date(Date.parse(NOW) - (i + 1) * 3_600_000).toISOString(),
    category,
    admin: reverseGeocode(g, p).admin,
    reporterKey: `r${i}`,
  }));
}

/** The step the lead wires in front of clustering: tips outside the area are stored and flagged, never clustered. */
const served = (tips: ClusterTip[]) => tips.filter((t) => area.contains(t));

describe('service area and hotspots', () => {
  it('leaves tips at latitude 90 out of clustering: no hotspot, nothing public or texted', () => {
    const polar = tipsAt(
      [0, 90, -90, 180].map((lon) => ({ lat: 90, lon })),
      'labour_exploitation',
    );
    expect(polar.every((t) => area.classify(t) === 'outside' && t.admin === undefined)).toBe(true);
    const { upserts } = recomputeHotspots({ tips: served(polar), existing: [], now: NOW });
    expect(upserts).toEqual([]);
  });

  it('makes a high-risk hotspot of five fishing-boat tips off Pattani, named after the nearest tambon at sea', () => {
    const offshore = tipsAt(
      [
        { lat: 7.05, lon: 101.05 },
        { lat: 7.051, lon: 101.052 },
        { lat: 7.049, lon: 101.048 },
        { lat: 7.052, lon: 101.049 },
        { lat: 7.048, lon: 101.051 },
      ],
      'forced_fishing',
    );
    expect(served(offshore)).toHaveLength(5);
    const { upserts } = recomputeHotspots({ tips: served(offshore), existing: [], now: NOW });
    expect(upserts).toHaveLength(1);
    const h = upserts[0];
    expect(h.riskLevel).toBe('high');
    expect(isPublicHotspot(h)).toBe(true);
    expect(h.admin).toMatchObject({ provinceCode: '94', amphoeCode: '9403', tambon: 'บางตาวา', sea: {} });
    expect(h.admin.sea?.nearestKm).toBeGreaterThan(20);
    const sms = composeAlertSms({
      language: 'th',
      reason: 'new_hotspot',
      riskLevel: h.riskLevel,
      tambon: h.admin.tambon,
      amphoe: h.admin.amphoe,
      sea: h.admin.sea,
      tipCount: h.tipCount,
      link: 'https://phithak.example.org/#h=1',
      hotline: '1300',
    });
    expect(sms.text).toMatch(/ทะเลใกล้ ต\.บางตาวา (อ\.หนองจิก )?~2[45] กม\./);
    expect(sms.segments).toBeLessThanOrEqual(2);
  });
});
