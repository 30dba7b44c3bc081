import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../../shared/geo/haversine.js';
import { coverCells, queryCells } from '../../shared/volunteers/volunteer-cells.js';
import {
  cellBuckets,
  compactVolunteerId,
  DynamoVolunteerDirectory,
  expandVolunteerId,
  type CapacityMeter,
} from '../../functions/lib/dynamo-volunteer-directory.js';
import { volunteer } from '../alerts/support.js';
import { freshTables } from './fresh-tables.js';

let ctx: { volunteers: DynamoVolunteerDirectory };
beforeAll(async () => {
  const { doc, tables } = await freshTables('v');
  ctx = {
    volunteers: new DynamoVolunteerDirectory(doc, {
      volunteers: tables.volunteers,
      volunteerCells: tables.volunteerCells,
    }),
  };
});

const pattaniMosque = { lat: 6.8686, lon: 101.2501 };

describe('compact volunteer ids', () => {
  it('packs a UUID into 22 characters and gives it back', () => {
    const id = randomUUID();
    expect(compactVolunteerId(id)).toHaveLength(22);
    expect(expandVolunteerId(compactVolunteerId(id))).toBe(id);
  });

  it('keeps any other id, marked so it cannot be mistaken for one or for the key', () => {
    for (const id of ['v-1-abc', 'c', 'AAAAAAAAAAAAAAAAAAAAAA']) {
      expect(compactVolunteerId(id)).toBe(`~${id}`);
      expect(expandVolunteerId(compactVolunteerId(id))).toBe(id);
    }
  });
});

describe('cell buckets on DynamoDB Local', () => {
  it('finds volunteers who share buckets, even when written concurrently', async () => {
    // Same place, radii at three levels: 12 volunteers share every bucket of their level.
    const vs = Array.from({ length: 12 }, (_, i) =>
      volunteer({ id: randomUUID(), location: pattaniMosque, radiusKm: [1, 2.5, 5][i % 3]! }),
    );
    await Promise.all(vs.map((v) => ctx.volunteers.put(v)));
    const meter: CapacityMeter = { readCapacityUnits: 0, requests: 0 };
    const found = await ctx.volunteers.covering({ lat: 6.87, lon: 101.25 }, meter);
    expect(new Set(found.map((f) => f.volunteerId))).toEqual(new Set(vs.map((v) => v.id)));
    expect(meter.requests).toBe(1);
    expect(meter.readCapacityUnits).toBeGreaterThan(0);
    const far = await ctx.volunteers.covering({ lat: 6.87 + 0.04, lon: 101.25 }); // 4.5 km north
    expect(new Set(far.map((f) => f.volunteerId))).toEqual(
      new Set(vs.filter((v) => v.radiusKm === 5).map((v) => v.id)),
    );
  });

  it('reports the exact distance and the circle of each volunteer found', async () => {
    const v = volunteer({ id: randomUUID(), location: { lat: 6.5, lon: 101.6 }, radiusKm: 3 });
    await ctx.volunteers.put(v);
    const point = { lat: 6.51, lon: 101.61 };
    const [hit] = (await ctx.volunteers.covering(point)).filter((f) => f.volunteerId === v.id);
    expect(hit).toMatchObject({ location: v.location, radiusKm: 3 });
    expect(hit!.distanceKm).toBeCloseTo(haversineKm(v.location, point), 9);
  });

  it('an edit that keeps the circle leaves the entries in place', async () => {
    const v = volunteer({ id: randomUUID(), location: { lat: 6.2, lon: 101.7 }, radiusKm: 2 });
    await ctx.volunteers.put(v);
    const renamed = { ...v, name: 'Renamed', updatedAt: '2026-11-26T00:00:00.000Z' };
    await ctx.volunteers.put(renamed, v);
    expect((await ctx.volunteers.covering(v.location)).map((f) => f.volunteerId)).toContain(v.id);
    expect((await ctx.volunteers.get(v.id))?.name).toBe('Renamed');
  });

  it('moves a circle whose write needs more than one transaction (narrow cells far north)', async () => {
    const v = volunteer({ id: randomUUID(), location: { lat: 70, lon: 25 }, radiusKm: 1.5 });
    expect(1 + 2 * coverCells(v.location, 1.5).length).toBeGreaterThan(100);
    await ctx.volunteers.put(v);
    const moved = { ...v, location: { lat: 70.2, lon: 25 }, updatedAt: '2026-11-26T00:00:00.000Z' };
    await ctx.volunteers.put(moved, v);
    expect((await ctx.volunteers.covering(v.location)).map((f) => f.volunteerId)).not.toContain(v.id);
    expect((await ctx.volunteers.covering(moved.location)).map((f) => f.volunteerId)).toContain(v.id);
  });
});

describe('cellBuckets (bulk load)', () => {
  it('puts each volunteer in the bucket of every level cell it covers, once', () => {
    const vs = [
      volunteer({ location: pattaniMosque, radiusKm: 1 }),
      volunteer({ location: pattaniMosque, radiusKm: 1.2 }),
    ];
    const buckets = cellBuckets(vs);
    const here = buckets.find((b) => b.c === queryCells(pattaniMosque)[0]);
    expect(Object.keys(here!).sort()).toEqual(['c', ...vs.map((v) => compactVolunteerId(v.id))].sort());
    expect(here![compactVolunteerId(vs[0]!.id)]).toEqual([pattaniMosque.lat, pattaniMosque.lon, 1]);
    expect(new Set(buckets.map((b) => b.c)).size).toBe(buckets.length);
  });
});
