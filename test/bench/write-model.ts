/**
 * Writes per partition key per second when tips arrive at `tipsPerSecond` (issue 12: 1,000 a
 * second over the service area), from the key functions the DynamoDB adapters write with:
 * `tipItem` (the tips table, `byTime`, `byCell`), the idempotency and contact keys (one per
 * tip), and for the hotspot updater `hotspotItem` (the item and its `byArea` key) and
 * `pageId` (one new member page per touched hotspot cell, and the old one deleted). DynamoDB
 * gives one partition key about 1,000 writes a second (a GSI the same, or it throttles the
 * table).
 *
 * The model: arrivals each second are Poisson(`tipsPerSecond`), each a tip drawn from `pool`
 * (clumpy synthetic tips) with a fresh UUID; the tips stream has `streamShards` shards (by a
 * hash of the id, as the table's partitions are), each invoking the updater with batches of
 * the trigger's batch size; a batch writes each hotspot its tips belong to once. Alert writes
 * are not modelled: their rate is set by volunteers and their daily SMS cap, not by tips.
 */
import { randomUUID } from 'node:crypto';
import { tipItem } from '../../functions/lib/dynamo-tip-store.js';
import { hotspotItem } from '../../functions/lib/dynamo-hotspot-store.js';
import { pageId } from '../../functions/lib/member-pages.js';
import { shardOf } from '../../functions/lib/time-shards.js';
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
const BOTH = ['sharded', 'constant'] as const;
const SHARDED = ['sharded'] as const;
const CONSTANT = ['constant'] as const;

/**
 * Counts writes per key per second over `seconds` simulated seconds, with today's keys and,
 * in the same pass over the same tips, with the keys before issue 12 (`feed = 'tips'`,
 * `status = 'active'`).
 */
export function modelWrites(input: WriteModelInput): Record<'sharded' | 'constant', WriteModelResult> {
  const rnd = seededRandom(12);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const hotspotOf = new Map<string, Hotspot>();
  for (const h of input.hotspots) for (const id of h.memberTipIds) hotspotOf.set(id, h);
  const areaOf = new Map(input.hotspots.map((h) => [h.id, String(hotspotItem(h, undefined, 90).area)]));
  const batchSize = STREAM_TRIGGERS.tips.batchSize;
  const out = {
    sharded: { maxPerSecond: 0, busiest: '', writes: 0 },
    constant: { maxPerSecond: 0, busiest: '', writes: 0 },
  };
  let batchNo = 0;
  const receivedAt = '2026-11-25T12:00:00.000Z';
  for (let s = 0; s < input.seconds; s++) {
    const counts = { sharded: new Map<string, number>(), constant: new Map<string, number>() };
    const write = (key: string, layouts: ReadonlyArray<'sharded' | 'constant'> = BOTH) => {
      for (const layout of layouts) {
        counts[layout].set(key, (counts[layout].get(key) ?? 0) + 1);
        out[layout].writes++;
      }
    };
    const arrivals = Math.max(0, Math.round(input.tipsPerSecond + Math.sqrt(input.tipsPerSecond) * gauss()));
    const shards: Array<Array<{ id: string; cell: string }>> = Array.from({ length: input.streamShards }, () => []);
    for (let i = 0; i < arrivals; i++) {
      const from = input.pool[Math.floor(rnd() * input.pool.length)];
      const id = randomUUID();
      const tip = { id, receivedAt, lat: from.lat, lon: from.lon, geocode: { admin: {} } } as unknown as Tip;
      const item = tipItem(tip, RETENTION);
      write(`tips id=${id}`);
      write(`tips.byTime feed=${item.feed}`, SHARDED);
      write('tips.byTime feed=tips', CONSTANT);
      if (item.cell) write(`tips.byCell cell=${item.cell}`);
      write(`idempotency key=${randomUUID()}`);
      write(`tipContacts tipId=${id}`);
      if (item.cell) shards[shardOf(id) % input.streamShards].push({ id: from.id, cell: item.cell });
    }
    // The updater: each stream shard's batches, each writing every hotspot its tips are in.
    for (const tips of shards) {
      for (let start = 0; start < tips.length; start += batchSize) {
        batchNo++;
        const touched = new Map<string, Set<string>>();
        for (const t of tips.slice(start, start + batchSize)) {
          const h = hotspotOf.get(t.id);
          if (!h) continue;
          const cells = touched.get(h.id) ?? new Set<string>();
          cells.add(t.cell);
          touched.set(h.id, cells);
        }
        for (const [id, cells] of touched) {
          write(`hotspots id=${id}`);
          write(`hotspots.byArea area=${areaOf.get(id)}`, SHARDED);
          write('hotspots.byStatus status=active', CONSTANT);
          // Content-named pages: every write is a new key, and the page it replaces is deleted.
          for (const cell of cells) {
            write(`hotspots id=${pageId(id, cell, 0, `new${batchNo}`)}`, SHARDED);
            write(`hotspots id=${pageId(id, cell, 0, `old${batchNo}`)}`, SHARDED);
          }
        }
      }
    }
    for (const layout of BOTH) {
      for (const [key, n] of counts[layout]) {
        if (n > out[layout].maxPerSecond) Object.assign(out[layout], { maxPerSecond: n, busiest: key });
      }
    }
  }
  return out;
}
