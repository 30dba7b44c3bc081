/**
 * Issue #5 bench: 100,000 registered volunteers in DynamoDB Local (its own in-memory
 * instance), then "who must be alerted for this hotspot" through the cell buckets (one
 * BatchGetItem + haversine) against the naive full Scan of the profiles, on the same data.
 *
 * By default all 100,000 live in the four southern border provinces (Songkhla, Pattani,
 * Yala, Narathiwat), where Phithak runs: the same number per tambon of the real gazetteer
 * (GEODATA_DIR), Gaussian around its centroid (sigma 2 km); radius 1-3 km for 70 %, 3-5 km
 * for 22 %, 5-10 km for 6 % and 10-30 km for 2 % (district coordinators); about 480
 * recipients per hotspot. Hotspots: 80 points near tambon centroids of the four provinces.
 * `BENCH_VOLUNTEER_AREA=national` spreads the volunteers per tambon over all of Thailand
 * instead (25x sparser), `both` runs the two; not by default, as the sparse registry has
 * 30x more cell buckets to load. Seeded, so every run benches the same data.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { haversineKmRaw } from '../../shared/geo/haversine.js';
import { cleanSubdistricts } from '../../shared/geocoder/clean-subdistricts.js';
import { TABLES } from '../../shared/tables.js';
import type { LatLon, Volunteer } from '../../shared/types.js';
import { CELL_LEVELS } from '../../shared/volunteers/volunteer-cells.js';
import {
  DynamoVolunteerDirectory as VolunteersRepo,
  cellBuckets,
  type CapacityMeter,
} from '../../functions/lib/dynamo-volunteer-directory.js';
import { createTableInput } from '../../functions/local/bootstrap-tables.js';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.js';
import type { BenchRow } from './types.js';
import { seededRandom } from '../../shared/testing/seeded-random.js';

type Area = 'south' | 'national';

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 100_000);
const AREAS: readonly Area[] = {
  national: ['national'] as const,
  both: ['south', 'national'] as const,
}[process.env.BENCH_VOLUNTEER_AREA ?? ''] ?? ['south'];
const HOTSPOTS = 80;
/** Songkhla, Pattani, Yala, Narathiwat (TIS-1099). */
const SOUTH = new Set(['90', '94', '95', '96']);

interface Tambon extends LatLon {
  provinceCode: string;
}

function tambons(): Tambon[] {
  const dir = process.env.GEODATA_DIR ?? resolve(import.meta.dirname, '../../../shared/geodata');
  const { tambons: all } = cleanSubdistricts(readFileSync(resolve(dir, 'th-subdistricts.csv'), 'utf8'));
  return all
    .filter((t) => Number.isFinite(t.lat))
    .map((t) => ({ lat: t.lat, lon: t.lon, provinceCode: t.provinceCode }));
}

function gaussianAround(rand: () => number, c: LatLon, sigmaKm: number): LatLon {
  const r = sigmaKm * Math.sqrt(-2 * Math.log(1 - rand()));
  const theta = 2 * Math.PI * rand();
  return {
    lat: c.lat + (r * Math.sin(theta)) / 111.2,
    lon: c.lon + (r * Math.cos(theta)) / (111.2 * Math.cos((c.lat * Math.PI) / 180)),
  };
}

function radiusKmOf(u: number, rand: () => number): number {
  const r = u < 0.7 ? 1 + rand() * 2 : u < 0.92 ? 3 + rand() * 2 : u < 0.98 ? 5 + rand() * 5 : 10 + rand() * 20;
  return Math.round(r * 10) / 10;
}

function makeVolunteers(n: number, places: Tambon[]): Volunteer[] {
  const rand = seededRandom(5);
  const now = '2026-11-25T00:00:00.000Z';
  return Array.from({ length: n }, (_, i) => {
    const p = gaussianAround(rand, places[i % places.length]!, 2);
    const location = { lat: Math.round(p.lat * 1e5) / 1e5, lon: Math.round(p.lon * 1e5) / 1e5 };
    const language = (['th', 'th', 'th', 'ms', 'en'] as const)[i % 5]!;
    return {
      id: randomUUID(),
      name: `Volunteer ${i}`,
      phone: `+6681${String(i).padStart(7, '0')}`,
      location,
      radiusKm: radiusKmOf(rand(), rand),
      language,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
  });
}

/** Writes items with BatchWriteItem, `parallel` requests in flight, retrying unprocessed items. */
async function batchWrite(
  ddb: DynamoDBClient,
  table: string,
  items: Record<string, unknown>[],
  parallel = 32,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, (next += 25));
      let requests: WriteRequest[] = chunk.map((item) => ({ PutRequest: { Item: marshall(item) } }));
      while (requests.length) {
        const out = await ddb.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
        requests = out.UnprocessedItems?.[table] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** The naive lookup: a full (parallel, 4 segments) Scan of the profiles, then haversine. */
async function fullScan(
  doc: DynamoDBDocumentClient,
  table: string,
  point: LatLon,
): Promise<{ ids: Set<string>; rcu: number }> {
  const ids = new Set<string>();
  let rcu = 0;
  const segment = async (Segment: number) => {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new ScanCommand({
          TableName: table,
          Segment,
          TotalSegments: 4,
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      rcu += page.ConsumedCapacity?.CapacityUnits ?? 0;
      for (const v of (page.Items ?? []) as Volunteer[]) {
        if (v.status === 'active' && haversineKmRaw(v.location.lat, v.location.lon, point.lat, point.lon) <= v.radiusKm)
          ids.add(v.id);
      }
      start = page.LastEvaluatedKey;
    } while (start);
  };
  await Promise.all([0, 1, 2, 3].map(segment));
  return { ids, rcu };
}

/** Brute force over the generated data: the exact answer the cells must reproduce. */
function exactRecipients(volunteers: Volunteer[], p: LatLon): Set<string> {
  return new Set(
    volunteers
      .filter((v) => haversineKmRaw(v.location.lat, v.location.lon, p.lat, p.lon) <= v.radiusKm)
      .map((v) => v.id),
  );
}

/** Runs the lookup `repeats` times per hotspot; per-hotspot median time, max RCU, mismatches vs the exact answer. */
async function measureLookups(repo: VolunteersRepo, volunteers: Volunteer[], points: LatLon[], repeats = 5) {
  const ms: number[] = [];
  const rcu: number[] = [];
  const found: number[] = [];
  let mismatches = 0;
  for (const p of points) {
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const meter: CapacityMeter = { readCapacityUnits: 0, requests: 0 };
      const t = performance.now();
      const hits = await repo.covering(p, meter);
      times.push(performance.now() - t);
      if (r > 0) continue;
      rcu.push(meter.readCapacityUnits);
      found.push(hits.length);
      const exact = exactRecipients(volunteers, p);
      if (exact.size !== hits.length || hits.some((h) => !exact.has(h.volunteerId))) mismatches++;
    }
    ms.push(quantile(times, 0.5));
  }
  return { ms, rcu, found, mismatches };
}

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

function hotspotPoints(places: Tambon[]): LatLon[] {
  const rand = seededRandom(11);
  const south = places.filter((t) => SOUTH.has(t.provinceCode));
  return Array.from({ length: HOTSPOTS }, () => gaussianAround(rand, south[Math.floor(rand() * south.length)]!, 1));
}

/** Creates fresh tables, loads the volunteers of one area and measures the lookup on them. */
async function benchArea(ddb: DynamoDBClient, area: Area, places: Tambon[], withScan: boolean) {
  const doc = DynamoDBDocumentClient.from(ddb);
  const tables = { volunteers: `bench-volunteers-${area}`, volunteerCells: `bench-volunteer-cells-${area}` };
  await ddb.send(new CreateTableCommand(createTableInput(tables.volunteers, TABLES.volunteers)));
  await ddb.send(new CreateTableCommand(createTableInput(tables.volunteerCells, TABLES.volunteerCells)));
  const volunteers = makeVolunteers(
    VOLUNTEERS,
    area === 'south' ? places.filter((t) => SOUTH.has(t.provinceCode)) : places,
  );
  const loadStart = performance.now();
  const buckets = cellBuckets(volunteers);
  await batchWrite(ddb, tables.volunteerCells, buckets, 8);
  const loadS = (performance.now() - loadStart) / 1000;
  // The profiles only serve the full-Scan baseline; the lookup never reads them.
  if (withScan) await batchWrite(ddb, tables.volunteers, volunteers as unknown as Record<string, unknown>[]);
  const profilesS = (performance.now() - loadStart) / 1000 - loadS;
  const entries = buckets.reduce((n, b) => n + Object.keys(b).length - 1, 0);
  const bucketKb = buckets.reduce((max, b) => Math.max(max, Buffer.byteLength(JSON.stringify(b))), 0) / 1024;

  const repo = new VolunteersRepo(doc, tables);
  const points = hotspotPoints(places);
  // Warm the JIT, the connection pool and DynamoDB Local (its JVM is still collecting the load's garbage).
  for (let round = 0; round < 3; round++) for (const p of points) await repo.covering(p);
  (globalThis as { gc?: () => void }).gc?.();
  const lookups = await measureLookups(repo, volunteers, points);
  let scan: { ms: number; rcu: number; agrees: boolean } | undefined;
  if (withScan) {
    const scanStart = performance.now();
    const full = await fullScan(doc, tables.volunteers, points[0]!);
    const ms = performance.now() - scanStart;
    const viaCells = new Set((await repo.covering(points[0]!)).map((v) => v.volunteerId));
    scan = {
      ms,
      rcu: full.rcu,
      agrees: viaCells.size === full.ids.size && [...full.ids].every((id) => viaCells.has(id)),
    };
  }
  await ddb.send(new DeleteTableCommand({ TableName: tables.volunteers }));
  await ddb.send(new DeleteTableCommand({ TableName: tables.volunteerCells }));
  return { ...lookups, scan, loadS, profilesS, buckets: buckets.length, entries, bucketKb };
}

/** The rows of one area; the full Scan ratio where it was measured. */
function rowsOf(area: Area, r: Awaited<ReturnType<typeof benchArea>>): BenchRow[] {
  const p50 = quantile(r.ms, 0.5);
  const rcuMax = Math.max(...r.rcu);
  const label = area === 'south' ? '' : ' (all-Thailand registry)';
  const scanMs = r.scan
    ? `; parallel full Scan ${r.scan.ms.toFixed(0)} ms = ${(r.scan.ms / p50).toFixed(0)}x slower`
    : '';
  const scanRcu = r.scan ? `; full Scan ${r.scan.rcu} RCU = ${(r.scan.rcu / rcuMax).toFixed(0)}x more` : '';
  return [
    {
      area: 'alerts',
      metric: `recipients of one hotspot, p50${label}`,
      value: p50,
      unit: 'ms',
      target: '<= 25 ms',
      pass: p50 <= 25,
      note: `p95 ${quantile(r.ms, 0.95).toFixed(1)} ms; ${HOTSPOTS} hotspots, median ${quantile(r.found, 0.5)} recipients (max ${Math.max(...r.found)})${scanMs}`,
    },
    {
      area: 'alerts',
      metric: `recipients of one hotspot, RCU (max)${label}`,
      value: rcuMax,
      unit: 'RCU',
      target: '<= 20 RCU',
      pass: rcuMax <= 20,
      note: `median ${quantile(r.rcu, 0.5)} RCU, one BatchGetItem of ${CELL_LEVELS.length} buckets${scanRcu}`,
    },
    {
      area: 'alerts',
      metric: `hotspots with a missed or extra recipient${label}`,
      value: r.mismatches,
      unit: 'hotspots',
      target: '0',
      pass: r.mismatches === 0 && (r.scan?.agrees ?? true),
      note: `all ${HOTSPOTS} checked against brute force${r.scan ? `; full Scan ${r.scan.agrees ? 'agrees' : 'DISAGREES'}` : ''}`,
    },
    {
      area: 'alerts',
      metric: `load cell buckets${label}`,
      value: r.loadS,
      unit: 's',
      note: `${VOLUNTEERS.toLocaleString('en-US')} volunteers (${area}), ${r.entries.toLocaleString('en-US')} cell entries (${(r.entries / VOLUNTEERS).toFixed(1)} per volunteer) in ${r.buckets.toLocaleString('en-US')} buckets (largest ${r.bucketKb.toFixed(0)} KB as JSON)${r.scan ? `; the profiles for the Scan took ${r.profilesS.toFixed(0)} s more` : ''}`,
    },
  ];
}

/** Runs the alerts bench; see the module comment. */
export async function run(): Promise<BenchRow[]> {
  const ddbLocal = await startDynamoDbLocal();
  const ddb = new DynamoDBClient({
    region: 'ap-southeast-1',
    endpoint: ddbLocal.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const places = tambons();
    const rows: BenchRow[] = [];
    for (const [i, area] of AREAS.entries()) rows.push(...rowsOf(area, await benchArea(ddb, area, places, i === 0)));
    return rows;
  } finally {
    ddb.destroy();
    await ddbLocal.stop();
  }
}
