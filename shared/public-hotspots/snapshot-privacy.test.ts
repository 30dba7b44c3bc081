/**
 * Property tests of the privacy rule (issue 9): for random hotspots built by the engine, one tip
 * added, removed or moved never changes the public output finer than the grid and the day.
 */
import { booleanPointInPolygon, distance } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublicHotspotCollection, PublicHotspotFeature } from '../api/wire.js';
import { recomputeHotspots } from '../hotspots/index.js';
import type { ClusterTip, Hotspot } from '../types.js';
import { bangkokDayStart } from './bangkok-day-start.js';
import { buildPublicSnapshot } from './build-public-snapshot.js';
import { cellsOfUnion, onH3Lattice, ringsOf } from './test-support/h3-lattice.js';
import { clusterDraw, TEST_NOW, tipDraw, toTip, toTips, uniform } from './test-support/random-tips.js';

const RES = 8;
const DAY = 86_400_000;
const SEVEN_HOURS = 7 * 3_600_000;
/** Shortest H3 res-8 edge in Thailand is ~0.5 km; distinct lattice vertices are never closer. */
const MIN_JUMP_KM = 0.35;
const ALLOWED = new Set([
  'id',
  'riskLevel',
  'tipCount',
  'firstSeen',
  'lastSeen',
  'admin',
  'categories',
  'trend',
  'giConfidence',
]);

const publish = (hs: Hotspot[]) => buildPublicSnapshot(hs, { publishedAt: TEST_NOW });

/** Everything a single snapshot must satisfy, checked against the tips it was built from. */
function checkSnapshot(snap: PublicHotspotCollection, stored: Hotspot[], tips: ClusterTip[]): void {
  const byId = new Map(tips.map((t) => [t.id, t]));
  const json = JSON.stringify(snap);
  for (const t of tips) {
    expect(json).not.toContain(`"${t.id}"`);
    if ((Date.parse(t.receivedAt) + SEVEN_HOURS) % DAY !== 0) expect(json).not.toContain(t.receivedAt);
  }
  const expectedIds = stored.filter((h) => h.status === 'active' && h.tipCount >= 3).map((h) => h.id);
  expect(snap.features.map((f) => f.id)).toEqual([...expectedIds].sort());
  for (const f of snap.features) {
    const h = stored.find((s) => s.id === f.id)!;
    const members = h.memberTipIds.map((id) => byId.get(id)!);
    for (const key of Object.keys(f.properties)) expect(ALLOWED.has(key)).toBe(true);
    // Shape: lattice vertices only, whole cells only, and every member tip inside.
    for (const ring of ringsOf(f.geometry)) {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const v of ring) expect(onH3Lattice(v, RES)).toBe(true);
    }
    expect(cellsOfUnion(f.geometry, RES).size).toBeGreaterThan(0);
    for (const t of members) expect(booleanPointInPolygon([t.lon, t.lat], f.geometry)).toBe(true);
    // Times: Bangkok day starts bracketing the first and the last tip.
    const times = members.map((t) => Date.parse(t.receivedAt));
    for (const [shown, actual] of [
      [f.properties.firstSeen, Math.min(...times)],
      [f.properties.lastSeen, Math.max(...times)],
    ] as const) {
      const ms = Date.parse(shown);
      expect((ms + SEVEN_HOURS) % DAY).toBe(0);
      expect(actual - ms).toBeGreaterThanOrEqual(0);
      expect(actual - ms).toBeLessThan(DAY);
    }
    // Categories: only counts of 3+ by name, the rest in `other`, nothing lost.
    const counts = Object.entries(f.properties.categories);
    for (const [c, n] of counts) {
      if (c !== 'other') expect(n).toBeGreaterThanOrEqual(3);
      if (c !== 'other') expect(n).toBe(members.filter((t) => t.category === c).length);
    }
    expect(counts.reduce((s, [, n]) => s + (n ?? 0), 0)).toBe(f.properties.tipCount);
  }
}

/** Between two snapshots of one hotspot: vertices stay put or jump by at least a cell edge. */
function checkPair(a: PublicHotspotFeature, b: PublicHotspotFeature): void {
  const va = ringsOf(a.geometry).flat();
  const vb = ringsOf(b.geometry).flat();
  for (const [from, to] of [
    [va, vb],
    [vb, va],
  ]) {
    for (const v of to) {
      const nearest = Math.min(...from.map((u) => distance(u, v, { units: 'kilometers' })));
      if (nearest > 0.001) expect(nearest).toBeGreaterThanOrEqual(MIN_JUMP_KM);
    }
  }
  // Whole cells: both are exact unions of cells, so what changed is a set of cells.
  const ca = cellsOfUnion(a.geometry, RES);
  const cb = cellsOfUnion(b.geometry, RES);
  expect(ca.size + cb.size).toBeGreaterThan(0);
}

const LATER_HOURS = 5;
const laterNow = new Date(Date.parse(TEST_NOW) + LATER_HOURS * 3_600_000).toISOString();

describe('public snapshot privacy (properties)', () => {
  it('one tip added, removed or moved changes nothing finer than the grid and the day', () => {
    const edit = fc.record({
      cluster: clusterDraw,
      op: fc.constantFrom('add', 'remove', 'move'),
      index: fc.nat(),
      draw: tipDraw,
      factor: uniform(0, 1.8),
    });
    // Counted so the test fails if the generator stops exercising shape and date changes.
    let shapeChanges = 0;
    let dateChanges = 0;
    fc.assert(
      fc.property(edit, ({ cluster, op, index, draw, factor }) => {
        const before = toTips(cluster);
        // The new or moved tip arrives between the two snapshots, at an arbitrary millisecond.
        const arrived = toTip(cluster, { ...draw, ageHours: 0 }, 't999', factor);
        arrived.receivedAt = new Date(Date.parse(laterNow) - draw.ms).toISOString();
        const k = index % before.length;
        const after =
          op === 'add'
            ? [...before, arrived]
            : op === 'remove'
              ? before.filter((_, i) => i !== k)
              : before.map((t, i) => (i === k ? { ...arrived, id: t.id } : t));
        const stored0 = recomputeHotspots({ tips: before, existing: [], now: TEST_NOW }).upserts;
        const stored1 = recomputeHotspots({ tips: after, existing: stored0, now: laterNow }).upserts;
        const s0 = publish(stored0);
        const s1 = publish(stored1);
        checkSnapshot(s0, stored0, before);
        checkSnapshot(s1, stored1, after);
        for (const f1 of s1.features) {
          const f0 = s0.features.find((f) => f.id === f1.id);
          if (!f0) continue;
          checkPair(f0, f1);
          if (JSON.stringify(f0.geometry) !== JSON.stringify(f1.geometry)) shapeChanges++;
          if (f0.properties.lastSeen !== f1.properties.lastSeen) dateChanges++;
          // The arrival dates itself only to its Bangkok day.
          if (op !== 'remove' && stored1.find((h) => h.id === f1.id)!.memberTipIds.includes(arrived.id)) {
            expect([f0.properties.lastSeen, bangkokDayStart(arrived.receivedAt)]).toContain(f1.properties.lastSeen);
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(shapeChanges).toBeGreaterThanOrEqual(5);
    expect(dateChanges).toBeGreaterThanOrEqual(5);
  });

  it('never shows a retired hotspot or one under 3 tips', () => {
    const small = fc.record({
      cluster: clusterDraw.map((c) => ({ ...c, tips: c.tips.slice(0, 5) })),
      take: fc.integer({ min: 2, max: 5 }),
      retire: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(small, { minLength: 1, maxLength: 4 }), (draws) => {
        const tips: ClusterTip[] = [];
        draws.forEach((d, i) =>
          tips.push(...toTips({ ...d.cluster, lat: d.cluster.lat + i * 0.1 }, `c${i}-`).slice(0, d.take)),
        );
        // minPoints 2 lets the engine build hotspots of 2 tips, which the public must never see.
        const { upserts } = recomputeHotspots({ tips, existing: [], now: TEST_NOW, options: { minPoints: 2 } });
        const stored = upserts.map((h, i) =>
          draws[i % draws.length].retire ? { ...h, status: 'retired' as const } : h,
        );
        const snap = publish(stored);
        checkSnapshot(snap, stored, tips);
        for (const f of snap.features) expect(f.properties.tipCount).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 100 },
    );
  });
});
