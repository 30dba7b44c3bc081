import { describe, expect, it } from 'vitest';
import { splitNeighbourhoods, tipCell } from '../hotspots/index.js';
import type { ClusterTip } from '../types.js';
import { MemoryHotspotStore } from './in-memory/memory-hotspot-store.js';
import { SettableClock } from './in-memory/memory-ports.js';
import { NEIGHBOURHOOD_REACH_KM, updateHotspots } from './update-hotspots.js';

const NOW = '2026-11-25T12:00:00.000Z';
const tip = (id: string, lat: number, lon: number): ClusterTip => ({
  id,
  lat,
  lon,
  receivedAt: '2026-11-25T11:00:00.000Z',
  category: 'labour_exploitation',
});

/** Five tips within ~100 m of a point. */
const clump = (prefix: string, lat: number, lon: number) =>
  Array.from({ length: 5 }, (_, i) => tip(`${prefix}${i}`, lat + i * 0.0004, lon + (i % 2) * 0.0004));

/** A tip store that answers from `all` by cell, and counts the cells it is asked for. */
function countingTips(all: ClusterTip[]) {
  const asked: string[] = [];
  return {
    asked,
    inCells: async (cells: string[]) => {
      asked.push(...cells);
      const wanted = new Set(cells);
      return all.filter((t) => wanted.has(tipCell(t.lat, t.lon)));
    },
  };
}

describe('splitNeighbourhoods', () => {
  it('keeps tips within reach together and far tips apart, across the antimeridian too', () => {
    const groups = splitNeighbourhoods(
      [
        tip('a', 6.42, 101.82),
        tip('b', 6.425, 101.825),
        tip('c', -40, -60),
        tip('d', 0, 179.9999),
        tip('e', 0, -179.9999),
      ],
      NEIGHBOURHOOD_REACH_KM,
    );
    expect(groups.map((g) => g.map((t) => t.id))).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
  });

  it('links a chain of tips each within reach of the next (single linkage)', () => {
    const chain = Array.from({ length: 10 }, (_, i) => tip(`t${i}`, 6.4 + i * 0.02, 101.8));
    expect(splitNeighbourhoods(chain, 2.5)).toHaveLength(1);
    expect(splitNeighbourhoods(chain, 1)).toHaveLength(10);
  });
});

describe('updateHotspots', () => {
  it('re-clusters two far-apart tips as two small neighbourhoods, not the box between them', async () => {
    const tips = [...clump('n', 6.42, 101.82), tip('far', -40, -60)];
    const store = countingTips(tips);
    const hotspots = new MemoryHotspotStore();
    const result = await updateHotspots({ tips: store, hotspots, clock: new SettableClock(NOW) }, tips);
    expect(result.neighbourhoods).toBe(2);
    expect(result.rejected).toEqual([]);
    expect(result.upserts).toBe(1);
    // A handful of ~39 x 20 km cells, where one box from (6.4, 101.8) to (-40, -60) holds over 100,000.
    expect(new Set(store.asked).size).toBeLessThan(20);
  });

  it('hands back a neighbourhood over the cap, with its reason, and still does the others', async () => {
    const crowd = [...clump('n', 6.42, 101.82), ...clump('m', 6.4215, 101.8215)];
    const tips = [...crowd, ...clump('s', 13.75, 100.5)];
    const hotspots = new MemoryHotspotStore();
    const result = await updateHotspots({ tips: countingTips(tips), hotspots, clock: new SettableClock(NOW) }, tips, {
      maxSpanKm: 200,
      maxCells: 150,
      maxTips: 7,
    });
    expect(result.neighbourhoods).toBe(2);
    expect(result.rejected).toEqual([
      { tipIds: crowd.map((t) => t.id), reason: expect.stringMatching(/10 tips, over the cap of 7/) },
    ]);
    // Bangkok's five tips still make their hotspot.
    expect((await hotspots.listActive()).map((h) => h.tipCount)).toEqual([5]);
  });

  it('never loads more cells than the cap allows, even far from the equator', async () => {
    const polar = [tip('p1', 84.9, 0), tip('p2', 84.9, 120), tip('p3', 84.9, -120)];
    const store = countingTips(polar);
    const result = await updateHotspots(
      { tips: store, hotspots: new MemoryHotspotStore(), clock: new SettableClock(NOW) },
      polar,
      { maxSpanKm: 50, maxCells: 150, maxTips: 1000 },
    );
    expect(result.neighbourhoods).toBeGreaterThan(0);
    expect(result.upserts).toBe(0);
    expect(store.asked.length).toBeLessThanOrEqual(150 * result.neighbourhoods);
  });
});

describe('updateHotspots at the poles', () => {
  it('does not cluster tips beyond latitude 85, where the hull geometry breaks down', async () => {
    const polar = Array.from({ length: 5 }, (_, i) => tip(`p${i}`, 90, i));
    const store = countingTips(polar);
    const hotspots = new MemoryHotspotStore();
    const result = await updateHotspots({ tips: store, hotspots, clock: new SettableClock(NOW) }, polar);
    expect(result).toMatchObject({ neighbourhoods: 0, upserts: 0 });
    expect(store.asked).toEqual([]);
  });

  it('refuses a chain of tips longer than the span cap as one neighbourhood', async () => {
    // 40 tips 2.5 km apart: a 100 km chain, each within reach of the next.
    const chain = Array.from({ length: 40 }, (_, i) => tip(`c${i}`, 6 + (i * 2.5) / 111.2, 101));
    const result = await updateHotspots(
      { tips: countingTips(chain), hotspots: new MemoryHotspotStore(), clock: new SettableClock(NOW) },
      chain,
      { maxSpanKm: 50, maxCells: 150, maxTips: 1000 },
    );
    expect(result.neighbourhoods).toBe(1);
    expect(result.rejected).toEqual([
      { tipIds: chain.map((t) => t.id), reason: expect.stringMatching(/spans \d+ km, over the cap of 50 km/) },
    ]);
  });
});
