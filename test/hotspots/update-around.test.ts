/**
 * The incremental update must give exactly what a full recomputation gives for every hotspot
 * it returns, and must not miss any hotspot a full recomputation changes.
 */
import { describe, expect, it } from 'vitest';
import { recomputeHotspots, tipCell, updateAround, type HotspotChanges } from '../../shared/hotspots/index.js';
import type { ClusterTip, Hotspot } from '../../shared/types.js';
import { clumpyTips, seededRandom } from './synthetic-tips.js';

const NOW = '2026-11-25T12:00:00.000Z';

function cellStore(tips: ClusterTip[]) {
  const byCell = new Map<string, ClusterTip[]>();
  for (const t of tips) {
    const c = tipCell(t.lat, t.lon);
    byCell.set(c, [...(byCell.get(c) ?? []), t]);
  }
  const log = { calls: 0, tips: 0 };
  const load = async (cells: string[]) => {
    log.calls++;
    const out = cells.flatMap((c) => byCell.get(c) ?? []);
    log.tips += out.length;
    return out;
  };
  return { load, log };
}

/**
 * The parts of a hotspot that depend on its own tips (not on when it was matched, nor on the
 * Gi* of its surroundings, which the scheduled full recomputation refreshes).
 */
const essence = (h: Hotspot) => ({
  id: h.id,
  members: h.memberTipIds,
  geometry: h.geometry,
  riskScore: h.riskScore,
  admin: h.admin,
  categories: h.categories,
});

function expectEquivalent(inc: HotspotChanges, full: HotspotChanges, existing: Hotspot[], context: string) {
  const fullById = new Map(full.upserts.map((h) => [h.id, h]));
  for (const h of inc.upserts) expect(h, `${context}: incremental ${h.id}`).toEqual(fullById.get(h.id));
  expect(inc.retired.map((h) => h.id).sort(), `${context}: retired`).toEqual(full.retired.map((h) => h.id).sort());
  expect(inc.retired).toEqual(expect.arrayContaining(full.retired));
  // Hotspots the incremental run left alone are unchanged in the full run.
  const incIds = new Set(inc.upserts.map((h) => h.id));
  const before = new Map(existing.map((h) => [h.id, h]));
  for (const h of full.upserts) {
    if (incIds.has(h.id)) continue;
    expect(before.has(h.id), `${context}: ${h.id} is new but not returned`).toBe(true);
    expect(essence(h), `${context}: ${h.id} changed but not returned`).toEqual(essence(before.get(h.id) as Hotspot));
  }
}

function apply(existing: Hotspot[], changes: HotspotChanges): Hotspot[] {
  const gone = new Set([...changes.retired.map((h) => h.id), ...changes.upserts.map((h) => h.id)]);
  return [...existing.filter((h) => !gone.has(h.id)), ...changes.upserts];
}

describe('updateAround', () => {
  it('equals a full recomputation, tip after tip, on random clumpy data (6 seeds x 12 tips)', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      // Squeezed to ~0.5 x 0.6 degrees: several geohash cells, clusters crossing cell edges.
      const all = clumpyTips(2500, seed, NOW).map((t) => ({
        ...t,
        lat: 6 + (t.lat - 5.6) * 0.3,
        lon: 101 + (t.lon - 100) * 0.3,
      }));
      const rnd = seededRandom(seed);
      let stored = all.slice(0, 2400);
      let existing = recomputeHotspots({ tips: stored, existing: [], now: NOW }).upserts;
      for (let k = 0; k < 12; k++) {
        // Either a fresh tip from the data or one dropped right next to a stored tip.
        const near = stored[Math.floor(rnd() * stored.length)];
        const tip =
          k % 2
            ? all[2400 + k]
            : {
                ...near,
                id: `n${seed}-${k}`,
                lat: near.lat + (rnd() - 0.5) * 0.01,
                lon: near.lon + (rnd() - 0.5) * 0.01,
              };
        stored = [...stored, tip];
        const { load } = cellStore(stored);
        const inc = await updateAround([tip], load, existing, NOW);
        const full = recomputeHotspots({ tips: stored, existing, now: NOW });
        expectEquivalent(inc, full, existing, `seed ${seed} tip ${k}`);
        existing = apply(existing, full);
      }
    }
  });

  it('merges two hotspots when a tip bridges them, like a full recomputation', async () => {
    const mk = (id: string, lon: number): ClusterTip => ({
      id,
      lat: 6.4,
      lon,
      receivedAt: '2026-11-24T00:00:00.000Z',
      category: 'other',
    });
    // Two rows of tips 0.5 km apart inside, with a 1.4 km gap that one tip in the middle closes.
    const left = Array.from({ length: 5 }, (_, i) => mk(`l${i}`, 101.8 + i * 0.0045));
    const right = Array.from({ length: 5 }, (_, i) => mk(`r${i}`, 101.8 + 4 * 0.0045 + 0.0126 + i * 0.0045));
    const first = recomputeHotspots({ tips: [...left, ...right], existing: [], now: NOW, options: { minPoints: 2 } });
    expect(first.upserts).toHaveLength(2);
    const bridge = mk('m', 101.8 + 4 * 0.0045 + 0.0063);
    const stored = [...left, ...right, bridge];
    const inc = await updateAround([bridge], cellStore(stored).load, first.upserts, NOW, { minPoints: 2 });
    const full = recomputeHotspots({ tips: stored, existing: first.upserts, now: NOW, options: { minPoints: 2 } });
    expect(inc.upserts).toHaveLength(1);
    expect(inc.retired).toHaveLength(1);
    expectEquivalent(inc, full, first.upserts, 'bridge');
  });

  it('drops a tip dismissed after the fact, even while the index still returns it', async () => {
    const tips = Array.from({ length: 5 }, (_, i): ClusterTip => ({
      id: `d${i}`,
      lat: 6.4 + i * 0.001,
      lon: 101.8,
      receivedAt: '2026-11-24T00:00:00.000Z',
      category: 'other',
    }));
    const first = recomputeHotspots({ tips, existing: [], now: NOW });
    expect(first.upserts[0].tipCount).toBe(5);
    const dismissed = { ...tips[4], status: 'dismissed' as const };
    const inc = await updateAround([dismissed], cellStore(tips).load, first.upserts, NOW);
    const full = recomputeHotspots({ tips: [...tips.slice(0, 4), dismissed], existing: first.upserts, now: NOW });
    expect(inc.upserts.map((h) => [h.id, h.tipCount])).toEqual([[first.upserts[0].id, 4]]);
    expectEquivalent(inc, full, first.upserts, 'dismissed');
  });

  it('loads the neighbourhood only and returns nothing for a tip far from everything', async () => {
    const tips = clumpyTips(3000, 9, NOW);
    const existing = recomputeHotspots({ tips, existing: [], now: NOW }).upserts;
    const lonely: ClusterTip = { id: 'lonely', lat: 7.29, lon: 102.09, receivedAt: NOW, category: 'other' };
    const { load, log } = cellStore([...tips, lonely]);
    const out = await updateAround([lonely], load, existing, NOW);
    expect(out.upserts.every((h) => !h.memberTipIds.includes('lonely'))).toBe(true);
    expect(out.retired).toEqual([]);
    expect(log.tips).toBeLessThan(300);
  });
});
