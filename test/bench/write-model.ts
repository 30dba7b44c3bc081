/**
 * Writes per partition key per second when tips arrive at `tipsPerSecond` (issue 12: 1,000 a
 * second over the service area), from the key functions the DynamoDB adapters write with:
 * `tipItem` (the tips table, `byTime`, `byCell`), the idempotency and contact keys (one per
 * tip), and for the hotspot updater `hotspotItem` (the item and its `byArea` key) and
 * `pageId` (`functions/lib/member-pages.ts`: one new member page per touched hotspot cell,
 * and the old one deleted). DynamoDB gives one partition key about 1,000 writes a second (a GSI
 * the same, or it throttles the table).
 *
 * The model: arrivals each second are Poisson(`tipsPerSecond`), each a tip drawn from `pool`
 * (clumpy synthetic tips) with a fresh UUID; the tips stream has `streamShards` shards (by a
 * hash of the id, as the table's partitions are), each invoking the updater with batches of
 * the trigger's batch size; a batch writes each hotspot its tips belong to once. Alert writes
 * are not modelled: their rate is set by volunteers and their daily SMS cap, not by tips.
 *
 * Keys that are new with every write (a tip's id, its idempotency key and contact, a member
 * page named by its content) take one write each and are counted in `writes` without a map
 * entry: none can be the busiest. A tip's `tipCell` depends only on where it is, so it is
 * taken once per pool place from `tipItem`; its feed shard is `shardOf` the new id, as
 * `tipItem`'s `shardKey` takes it. Shared keys are numbered and counted in typed arrays.
 */
import { randomUUID } from 'node:crypto';
import { tipItem } from '../../functions/lib/dynamo-tip-store.js';
import { hotspotItem } from '../../functions/lib/dynamo-hotspot-store.js';
import { shardKeys, shardOf } from '../../functions/lib/time-shards.js';
import { TIME_SHARDS } from '../../shared/tables.js';
import { STREAM_TRIGGERS } from '../../shared/triggers.js';
import type { ClusterTip, Hotspot, Tip } from '../../shared/types.js';
import { seededRandom } from '../hotspots/synthetic-tips.js';

export interface WriteModelInput {
  pool: readonly ClusterTip[];
  hotspots: readonly Hotspot[];
  seconds: number;
  tipsPerSecond: number;
  /** Shards of the tips table's stream (its partitions: four at ~1,000 writes a second is generous). */
  streamShards: number;
}

export interface WriteModelResult {
  /** Most writes any one key took in any one second. */
  maxPerSecond: number;
  /** That key, with its table and index. */
  busiest: string;
  /** Writes counted. */
  writes: number;
}

const RETENTION = { tipDays: 365, contactDays: 90 };

type Layout = 'sharded' | 'constant';
type Tally = Record<Layout, WriteModelResult>;

/** The numbered shared keys the pool's tips write, by pool index or hotspot index. */
interface PoolKeys {
  /** Feed key of each time shard (`tips.byTime`). */
  feedKeys: number[];
  /** Cell key of each pool place (`tips.byCell`; -1: the tip has no cell). */
  cellKeyOf: Int32Array;
  /** The hotspot each pool tip belongs to (-1: none). */
  hotspotOfPool: Int32Array;
  /** Item key of each hotspot. */
  itemKeys: number[];
  /** `byArea` key of each hotspot. */
  areaKeys: number[];
}

/** Gives every shared key a number on first sight, so a second's counts are typed arrays, not string maps. */
function keyNumbering(): { keys: string[]; keyOf: (name: string) => number } {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const keyOf = (name: string) => {
    let k = keyIndex.get(name);
    if (k === undefined) {
      k = keys.length;
      keyIndex.set(name, k);
      keys.push(name);
    }
    return k;
  };
  return { keys, keyOf };
}

/** Numbers, once before the simulation, every shared key the pool's tips and their hotspots write. */
function poolKeys(input: WriteModelInput, keyOf: (name: string) => number): PoolKeys {
  const receivedAt = '2026-11-25T12:00:00.000Z';
  const feedKeys = Array.from({ length: TIME_SHARDS }, (_, n) => keyOf(`tips.byTime feed=${shardKeys('tips')[n]}`));
  // The cell of each pool place, as `tipItem` writes it (it depends on the position alone).
  const cellKeyOf = Int32Array.from(input.pool, (from) => {
    const tip = { id: from.id, receivedAt, lat: from.lat, lon: from.lon, geocode: { admin: {} } } as unknown as Tip;
    const cell = tipItem(tip, RETENTION).cell;
    return typeof cell === 'string' ? keyOf(`tips.byCell cell=${cell}`) : -1;
  });
  // The hotspot each pool tip belongs to (-1: none), its item key and its `byArea` key.
  const hotspotAt = new Map<string, number>();
  input.hotspots.forEach((h, i) => {
    for (const id of h.memberTipIds) hotspotAt.set(id, i);
  });
  const hotspotOfPool = Int32Array.from(input.pool, (t) => hotspotAt.get(t.id) ?? -1);
  const itemKeys = input.hotspots.map((h) => keyOf(`hotspots id=${h.id}`));
  const areaKeys = input.hotspots.map((h) =>
    keyOf(`hotspots.byArea area=${String(hotspotItem(h, undefined, 90).area)}`),
  );
  return { feedKeys, cellKeyOf, hotspotOfPool, itemKeys, areaKeys };
}

/**
 * One second's `arrivals` tips, each drawn from the pool by `rnd`: counts their writes into
 * `shared` and `out`, and returns the pool indices the updater sees, per stream shard.
 */
function arrive(
  arrivals: number,
  input: WriteModelInput,
  rnd: () => number,
  pool: PoolKeys,
  shared: Int32Array,
  out: Tally,
): number[][] {
  const shards: number[][] = Array.from({ length: input.streamShards }, () => []);
  for (let i = 0; i < arrivals; i++) {
    const at = Math.floor(rnd() * input.pool.length);
    const id = randomUUID();
    const shard = shardOf(id);
    // The tip, its idempotency key and its contact: three keys no other write uses.
    out.sharded.writes += 3;
    out.constant.writes += 3;
    shared[pool.feedKeys[shard]]++; // sharded layout only
    out.sharded.writes++;
    out.constant.writes++; // `feed = 'tips'`: counted below, every arrival
    const cell = pool.cellKeyOf[at];
    if (cell >= 0) {
      shared[cell]++;
      out.sharded.writes++;
      out.constant.writes++;
      shards[shard % input.streamShards].push(at);
    }
  }
  return shards;
}

/**
 * The updater over one second's stream shards: each batch writes every hotspot its tips are
 * in once. Returns the writes the constant layout puts on `status = 'active'`.
 */
function update(shards: number[][], pool: PoolKeys, shared: Int32Array, out: Tally): number {
  const batchSize = STREAM_TRIGGERS.tips.batchSize;
  let statusWrites = 0;
  for (const tips of shards) {
    for (let start = 0; start < tips.length; start += batchSize) {
      const touched = new Map<number, Set<number>>();
      for (const at of tips.slice(start, start + batchSize)) {
        const h = pool.hotspotOfPool[at];
        if (h < 0) continue;
        const cells = touched.get(h) ?? new Set<number>();
        cells.add(pool.cellKeyOf[at]);
        touched.set(h, cells);
      }
      for (const [h, cells] of touched) {
        shared[pool.itemKeys[h]]++; // both layouts
        shared[pool.areaKeys[h]]++; // sharded: `byArea`
        statusWrites++; // constant: `status = 'active'`
        out.sharded.writes += 2 + 2 * cells.size; // item, byArea, a new member page a cell and the old one deleted
        out.constant.writes += 2;
      }
    }
  }
  return statusWrites;
}

/**
 * Counts writes per key per second over `seconds` simulated seconds, with today's keys and,
 * in the same pass over the same tips, with the keys before issue 12 (`feed = 'tips'`,
 * `status = 'active'`).
 */
export function modelWrites(input: WriteModelInput): Record<Layout, WriteModelResult> {
  const rnd = seededRandom(12);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const { keys, keyOf } = keyNumbering();
  const pool = poolKeys(input, keyOf);
  const shared = new Int32Array(keys.length);
  const out: Tally = {
    sharded: { maxPerSecond: 0, busiest: '', writes: 0 },
    constant: { maxPerSecond: 0, busiest: '', writes: 0 },
  };
  const note = (layout: Layout, n: number, key: string) => {
    if (n > out[layout].maxPerSecond) Object.assign(out[layout], { maxPerSecond: n, busiest: key });
  };
  for (let s = 0; s < input.seconds; s++) {
    shared.fill(0);
    const arrivals = Math.max(0, Math.round(input.tipsPerSecond + Math.sqrt(input.tipsPerSecond) * gauss()));
    const shards = arrive(arrivals, input, rnd, pool, shared, out);
    note('constant', arrivals, 'tips.byTime feed=tips');
    note('sharded', arrivals > 0 ? 1 : 0, 'a key new with each write');
    note('constant', arrivals > 0 ? 1 : 0, 'a key new with each write');
    note('constant', update(shards, pool, shared, out), 'hotspots.byStatus status=active');
    for (let k = 0; k < shared.length; k++) {
      if (shared[k] === 0) continue;
      note('sharded', shared[k], keys[k]);
      // The constant layout has the same keys but for the sharded feed and `byArea`.
      if (!keys[k].startsWith('tips.byTime') && !keys[k].startsWith('hotspots.byArea'))
        note('constant', shared[k], keys[k]);
    }
  }
  return out;
}
