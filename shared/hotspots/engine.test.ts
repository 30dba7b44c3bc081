import { describe, expect, it } from 'vitest';
import type { ClusterTip, TipCategory } from '../types.js';
import { isPublicHotspot, recomputeHotspots } from './index.js';
import { clusterTips, type TipCluster } from './cluster-tips.js';
import { assembleHotspots } from './engine.js';
import { hexCounts } from './gi-star.js';
import { DEFAULT_HOTSPOT_OPTIONS } from './options.js';
import { containsPoint } from './identity.js';

const NOW = '2026-11-25T12:00:00.000Z';
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();

/** `n` tips within a few hundred metres of (lat, lon); ids `${prefix}${i}`. */
function clump(prefix: string, n: number, lat: number, lon: number, extra: Partial<ClusterTip> = {}): ClusterTip[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${String(i).padStart(3, '0')}`,
    lat: lat + ((i % 3) - 1) * 0.0008,
    lon: lon + (Math.floor(i / 3) % 3) * 0.0008,
    receivedAt: ago(1),
    category: 'labour_exploitation' as TipCategory,
    admin: {
      provinceCode: '96',
      province: 'นราธิวาส',
      amphoeCode: '9601',
      amphoe: 'เมืองนราธิวาส',
      tambonCode: '960107',
      tambon: 'โคกเคียน',
    },
    ...extra,
  }));
}

describe('recomputeHotspots', () => {
  it('turns 6 tips within a few hundred metres into one public hotspot with every field', () => {
    const tips = clump('a', 6, 6.425, 101.82);
    const { upserts, retired, events } = recomputeHotspots({ tips, existing: [], now: NOW });
    expect(retired).toEqual([]);
    expect(upserts).toHaveLength(1);
    const h = upserts[0];
    expect(h).toMatchObject({
      status: 'active',
      tipCount: 6,
      categories: { labour_exploitation: 6 },
      firstSeen: ago(1),
      lastSeen: ago(1),
      trend: 'new',
    });
    expect(h.admin).toEqual(tips[0].admin);
    expect(h.memberTipIds).toEqual(tips.map((t) => t.id));
    expect(h.id).toMatch(/^hs-[0-9a-f]{28}$/);
    expect(isPublicHotspot(h)).toBe(true);
    expect(events).toEqual([{ type: 'created', hotspotId: h.id }]);
    for (const t of tips) expect(containsPoint(h, t.lat, t.lon)).toBe(true);
    expect(Math.abs(h.centroid.lat - 6.425)).toBeLessThan(0.002);
    expect(h.giConfidence).toBe(99);
  });

  it('gives a cluster on a line an area (hull + buffer) and never puts a vertex on a tip', () => {
    const line = Array.from({ length: 6 }, (_, i) => ({
      ...clump('l', 1, 6.4, 101.8)[0],
      id: `l${i}`,
      lat: 6.4,
      lon: 101.8 + i * 0.001,
    }));
    const [h] = recomputeHotspots({ tips: line, existing: [], now: NOW }).upserts;
    const ring = (h.geometry.coordinates as number[][][])[0];
    const lats = ring.map((c) => c[1]);
    const spreadKm = (Math.max(...lats) - Math.min(...lats)) * 111.2;
    expect(spreadKm).toBeGreaterThan(2 * DEFAULT_HOTSPOT_OPTIONS.bufferKm * 0.95);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const t of line) expect(ring.some(([lon, lat]) => lon === t.lon && lat === t.lat)).toBe(false);
  });

  it('ignores tips outside the window and scattered tips', () => {
    const old = clump('o', 6, 6.5, 101.5, { receivedAt: ago(40) });
    const scattered = Array.from({ length: 6 }, (_, i) => ({
      ...clump('s', 1, 6.0 + i * 0.05, 101.0)[0],
      id: `s${i}`,
    }));
    expect(recomputeHotspots({ tips: [...old, ...scattered], existing: [], now: NOW }).upserts).toEqual([]);
  });

  it('scores risk by severity, recency and distinct reporters, with documented levels', () => {
    const risk = (tips: ClusterTip[]) => recomputeHotspots({ tips, existing: [], now: NOW }).upserts[0];
    const fresh = risk(clump('f', 6, 6.4, 101.8, { receivedAt: ago(0) }));
    const stale = risk(clump('f', 6, 6.4, 101.8, { receivedAt: ago(28) }));
    const oneReporter = risk(clump('f', 6, 6.4, 101.8, { receivedAt: ago(0), reporterKey: 'same' }));
    const child = risk(clump('f', 6, 6.4, 101.8, { receivedAt: ago(0), category: 'child_labour', urgent: true }));
    expect(fresh.riskScore).toBe(12);
    expect(fresh.riskLevel).toBe('high');
    expect(stale.riskScore).toBe(3); // two half-lives
    expect(stale.riskLevel).toBe('low');
    expect(oneReporter.riskScore).toBeCloseTo(12 * (0.5 + 0.5 / 6), 2);
    expect(child.riskLevel).toBe('critical');
  });

  it('keeps the id when tips are added, records merges, and retires what disappears', () => {
    const a = clump('a', 6, 6.4, 101.8);
    const b = clump('b', 6, 6.4, 101.83); // ~3.3 km east: separate
    const first = recomputeHotspots({ tips: [...a, ...b], existing: [], now: NOW });
    expect(first.upserts).toHaveLength(2);
    const [ha, hb] = first.upserts;
    // Grow a: same id, history grows.
    const more = [...a, ...clump('a2', 3, 6.401, 101.801), ...b];
    const second = recomputeHotspots({ tips: more, existing: first.upserts, now: NOW });
    const grown = second.upserts.find((h) => h.memberTipIds.includes('a000'));
    expect(grown?.id).toBe(ha.id);
    expect(grown?.tipCount).toBe(9);
    expect(grown?.history).toHaveLength(2);
    // A bridge of tips joins a and b: the older/larger keeps its id, the other retires merged.
    const bridge = Array.from({ length: 40 }, (_, i) => ({
      ...a[0],
      id: `z${i}`,
      lat: 6.4,
      lon: 101.8 + (i * 0.03) / 40,
    }));
    const merged = recomputeHotspots({ tips: [...a, ...b, ...bridge], existing: first.upserts, now: NOW });
    expect(merged.upserts).toHaveLength(1);
    expect([ha.id, hb.id]).toContain(merged.upserts[0].id);
    expect(merged.retired).toHaveLength(1);
    expect(merged.retired[0]).toMatchObject({ status: 'retired', mergedInto: merged.upserts[0].id });
    expect(merged.upserts[0].mergedFrom).toEqual([merged.retired[0].id]);
    expect(merged.events.map((e) => e.type).sort()).toEqual(['merged', 'retired']);
    // The bridge ages out: the merged hotspot splits back into two.
    const split = recomputeHotspots({ tips: [...a, ...b], existing: merged.upserts, now: NOW });
    expect(split.upserts).toHaveLength(2);
    const kept = split.upserts.find((h) => h.id === merged.upserts[0].id);
    const other = split.upserts.find((h) => h.id !== merged.upserts[0].id);
    expect(kept).toBeDefined();
    expect(other?.splitFrom).toBe(merged.upserts[0].id);
    // Everything ages out: the hotspots retire.
    const gone = recomputeHotspots({ tips: [], existing: split.upserts, now: NOW });
    expect(gone.upserts).toEqual([]);
    expect(gone.retired.map((h) => h.status)).toEqual(['retired', 'retired']);
  });

  it('keeps the id of a hotspot whose old tips aged out while new ones arrived in the same place', () => {
    const old = clump('o', 6, 6.4, 101.8, { receivedAt: ago(25) });
    const [before] = recomputeHotspots({ tips: old, existing: [], now: NOW }).upserts;
    const fresh = clump('n', 6, 6.4003, 101.8003);
    const later = new Date(Date.parse(NOW) + 10 * DAY).toISOString();
    const after = recomputeHotspots({ tips: [...old, ...fresh], existing: [before], now: later });
    expect(after.upserts.map((h) => h.id)).toEqual([before.id]);
    expect(after.upserts[0].memberTipIds.every((id) => id.startsWith('n'))).toBe(true);
    expect(after.retired).toEqual([]);
  });

  it('classifies trend across windows: new, intensifying, persistent, diminishing', () => {
    const base = clump('p', 8, 6.4, 101.8);
    const [existing] = recomputeHotspots({ tips: base, existing: [], now: NOW }).upserts;
    const at = (recent: number, before: number) =>
      recomputeHotspots({
        tips: base.map((t, i) => ({ ...t, receivedAt: i < recent ? ago(1) : i < recent + before ? ago(10) : ago(20) })),
        existing: [existing],
        now: NOW,
      }).upserts[0].trend;
    expect(existing.trend).toBe('new');
    expect(at(5, 2)).toBe('intensifying');
    expect(at(2, 2)).toBe('persistent');
    expect(at(1, 5)).toBe('diminishing');
  });

  it('marks a hotspot with fewer than 3 tips as not public', () => {
    expect(isPublicHotspot({ status: 'active', tipCount: 2 })).toBe(false);
    expect(isPublicHotspot({ status: 'retired', tipCount: 9 })).toBe(false);
    expect(isPublicHotspot({ status: 'active', tipCount: 3 })).toBe(true);
  });

  it('gives Gi* a lower z to the same cluster amid a dense background than alone', () => {
    const cluster = clump('c', 6, 6.4, 101.8);
    const background: ClusterTip[] = [];
    // Tips every ~1.1 km over ~22 km: too sparse to cluster at eps 0.75 km.
    for (let i = 0; i < 20; i++)
      for (let j = 0; j < 20; j++)
        background.push({ ...cluster[0], id: `g${i}-${j}`, lat: 6.3 + i * 0.0101, lon: 101.7 + j * 0.0101 });
    const alone = recomputeHotspots({ tips: cluster, existing: [], now: NOW }).upserts[0];
    const amid = recomputeHotspots({ tips: [...cluster, ...background], existing: [], now: NOW }).upserts.find((h) =>
      h.memberTipIds.includes('c000'),
    );
    expect(alone.giConfidence).toBe(99);
    expect(amid).toBeDefined();
    expect(amid?.giZ as number).toBeLessThan(alone.giZ as number);
  });
});

describe('assembleHotspots', () => {
  it('builds the same hotspots from clusters made by clusterTips as from the same clusters built by hand', () => {
    const tips = [
      ...clump('a', 9, 6.42, 101.82),
      ...clump('b', 7, 6.5, 101.7, { category: 'forced_fishing' as TipCategory, urgent: true, reporterKey: 'r1' }),
      ...clump('c', 5, 6.3, 101.9, { receivedAt: ago(20) }),
    ];
    const options = { ...DEFAULT_HOTSPOT_OPTIONS };
    const made = clusterTips(tips, options);
    expect(made.length).toBe(3);
    // Copies carry no columns: assembleHotspots packs their members itself.
    const byHand: TipCluster[] = made.map((c) => ({ key: c.key, members: [...c.members] }));
    const counts = hexCounts(
      tips.map((t) => t.lat),
      tips.map((t) => t.lon),
      options.hexSizeKm,
    );
    const existing = recomputeHotspots({ tips: tips.slice(0, 20), existing: [], now: ago(2) }).upserts;
    const ctx = { now: NOW, options, counts, takenIds: new Set(existing.map((h) => h.id)) };
    const fromColumns = assembleHotspots(made, existing, ctx);
    expect(assembleHotspots(byHand, existing, ctx)).toEqual(fromColumns);
    expect(fromColumns.upserts.map((h) => h.tipCount).sort()).toEqual([5, 7, 9]);
  });
});
