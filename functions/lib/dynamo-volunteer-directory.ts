import { Buffer } from 'node:buffer';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  ScanCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { haversineKmRaw } from '../../shared/geo/haversine.js';
import { ConflictError } from '../../shared/core/errors.js';
import type { CoveringVolunteer, VolunteerDirectory } from '../../shared/core/ports.js';
import type { LatLon, Volunteer } from '../../shared/types.js';
import { coverCells, queryCells } from '../../shared/volunteers/volunteer-cells.js';

/** A volunteer's entry in a cell bucket: `[lat, lon, radiusKm]`, degrees and km. */
export type CellEntry = [lat: number, lon: number, radiusKm: number];

/**
 * One cell's bucket, as stored: the key `c` and one attribute per volunteer whose circle
 * touches the cell, named by the compact volunteer id ({@link compactVolunteerId}), holding
 * just enough for the exact distance check. One item per cell, not per (cell, volunteer):
 * a lookup reads six items in one BatchGetItem, and a Query or Get pays for every byte it
 * reads, so the entry is about 40 bytes. No status (opted-out volunteers have no entries),
 * no language and no phone number (the dispatcher reads the recipients' profiles).
 */
export type CellBucket = { c: string } & Record<string, CellEntry | string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A lower-case UUID as 22 base64url characters; any other id as `~` + the id (never `c`). */
export function compactVolunteerId(id: string): string {
  return UUID.test(id) ? Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url') : `~${id}`;
}

/** The inverse of {@link compactVolunteerId}. */
export function expandVolunteerId(compact: string): string {
  if (compact.startsWith('~')) return compact.slice(1);
  const hex = Buffer.from(compact, 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function entryOf(v: Pick<Volunteer, 'location' | 'radiusKm'>): CellEntry {
  return [v.location.lat, v.location.lon, v.radiusKm];
}

/**
 * The buckets of many active volunteers at once, for a bulk load into an empty table
 * (the bench; a registry import). Each bucket must stay under DynamoDB's 400 KB item limit,
 * about 9,000 volunteers touching one cell.
 */
export function cellBuckets(volunteers: readonly Pick<Volunteer, 'id' | 'location' | 'radiusKm'>[]): CellBucket[] {
  const buckets = new Map<string, CellBucket>();
  for (const v of volunteers) {
    const name = compactVolunteerId(v.id);
    for (const c of coverCells(v.location, v.radiusKm)) {
      let bucket = buckets.get(c);
      if (!bucket) buckets.set(c, (bucket = { c }));
      bucket[name] = entryOf(v);
    }
  }
  return [...buckets.values()];
}

/** Read capacity consumed, filled in when passed to {@link VolunteersRepo.covering}. */
export interface CapacityMeter {
  readCapacityUnits: number;
  /** DynamoDB read requests made. */
  requests: number;
}

/** Attempts at a registry write that loses a race on a shared cell bucket. */
const TRANSACT_ATTEMPTS = 4;

/** DynamoDB's limit on the actions of one TransactWriteItems. */
const MAX_TRANSACT_ITEMS = 100;

/**
 * Volunteers in DynamoDB: the profile (`volunteers`) and its spatial key
 * (`volunteerCells`, one bucket item per grid cell, with an entry for each volunteer whose
 * alert circle touches the cell), written in one transaction. Opted-out volunteers keep
 * their profile but lose their entries, so no lookup can find them.
 */
export class DynamoVolunteerDirectory implements VolunteerDirectory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tables: { volunteers: string; volunteerCells: string },
  ) {}

  /** Cells a profile should have: none once opted out. */
  private cellsOf(v: Volunteer): string[] {
    return v.status === 'active' ? coverCells(v.location, v.radiusKm) : [];
  }

  /**
   * Stores a profile and its cell entries in one transaction (in Thailand at most
   * 1 + 2 x 38 actions, under the limit of 100). With `previous` (the profile as read before the change), the
   * write succeeds only if nobody changed it since, and entries in cells the circle no
   * longer touches are removed; without, the id must be new. A transaction that collides
   * with another volunteer's write to a shared bucket is retried.
   */
  async put(v: Volunteer, previous?: Volunteer): Promise<void> {
    const samePlace =
      previous?.status === v.status &&
      previous.radiusKm === v.radiusKm &&
      previous.location.lat === v.location.lat &&
      previous.location.lon === v.location.lon;
    const cells = samePlace ? [] : this.cellsOf(v);
    const keep = new Set(cells);
    const stale = previous && !samePlace ? this.cellsOf(previous).filter((c) => !keep.has(c)) : [];
    const guard = previous
      ? { ConditionExpression: 'updatedAt = :prev', ExpressionAttributeValues: { ':prev': previous.updatedAt } }
      : { ConditionExpression: 'attribute_not_exists(id)' };
    const names = { '#v': compactVolunteerId(v.id) };
    const TableName = this.tables.volunteerCells;
    const TransactItems = [
      { Put: { TableName: this.tables.volunteers, Item: v, ...guard } },
      ...cells.map((c) => ({
        Update: {
          TableName,
          Key: { c },
          UpdateExpression: 'SET #v = :e',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':e': entryOf(v) },
        },
      })),
      ...stale.map((c) => ({
        Update: { TableName, Key: { c }, UpdateExpression: 'REMOVE #v', ExpressionAttributeNames: names },
      })),
    ];
    // Up to about 45 degrees of latitude every write fits one transaction (ADR 0004). Farther
    // from the equator cells narrow and a move may not: then the first, guarded transaction
    // holds the profile and the first 99 new entries, and the rest follow unguarded.
    for (let i = 0; i < TransactItems.length; i += MAX_TRANSACT_ITEMS) {
      await this.transact(v.id, TransactItems.slice(i, i + MAX_TRANSACT_ITEMS));
    }
  }

  /** One TransactWriteItems, retried when it loses a race on a shared bucket. */
  private async transact(
    id: string,
    TransactItems: NonNullable<TransactWriteCommandInput['TransactItems']>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems }));
        return;
      } catch (err) {
        if ((err as Error).name !== 'TransactionCanceledException') throw err;
        const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
        const lostRace =
          reasons[0]?.Code !== 'ConditionalCheckFailed' && reasons.some((r) => r.Code === 'TransactionConflict');
        if (!lostRace || attempt >= TRANSACT_ATTEMPTS)
          throw new ConflictError(`volunteer ${id} was changed by someone else; read it again and retry`, {
            cause: err,
          });
        await new Promise((done) => setTimeout(done, 20 * 2 ** attempt * Math.random()));
      }
    }
  }

  async get(id: string): Promise<Volunteer | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tables.volunteers, Key: { id }, ConsistentRead: true }),
    );
    return out.Item as Volunteer | undefined;
  }

  /** Profiles by id (BatchGet, 100 a call); missing ids are left out. */
  async getMany(ids: readonly string[]): Promise<Map<string, Volunteer>> {
    const found = new Map<string, Volunteer>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((id) => ({ id }));
      while (keys?.length) {
        const out: BatchGetCommandOutput = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.tables.volunteers]: { Keys: keys } } }),
        );
        for (const item of out.Responses?.[this.tables.volunteers] ?? [])
          found.set(item.id as string, item as Volunteer);
        keys = out.UnprocessedKeys?.[this.tables.volunteers]?.Keys;
      }
    }
    return found;
  }

  /** Every volunteer, by name (coordinator list; paged Scan of the profiles, not the cells). */
  async list(): Promise<Volunteer[]> {
    const out: Volunteer[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new ScanCommand({ TableName: this.tables.volunteers, ExclusiveStartKey: start }),
      );
      out.push(...((page.Items ?? []) as Volunteer[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** Profiles with this E.164 number: a filtered Scan, only for the (rate-limited) public opt-out worker. */
  async findByPhone(phone: string): Promise<Volunteer[]> {
    const out: Volunteer[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new ScanCommand({
          TableName: this.tables.volunteers,
          FilterExpression: 'phone = :p',
          ExpressionAttributeValues: { ':p': phone },
          ExclusiveStartKey: start,
        }),
      );
      out.push(...((page.Items ?? []) as Volunteer[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /**
   * Active volunteers whose alert circle contains the point: the point's bucket at each
   * cell level in one BatchGetItem, eventually consistent (an edit seconds old may be
   * missed; alerting tolerates that), then the exact haversine check. Never a Scan.
   */
  async covering(point: LatLon, meter?: CapacityMeter): Promise<CoveringVolunteer[]> {
    const found: CoveringVolunteer[] = [];
    for (const bucket of await this.buckets(queryCells(point), meter)) {
      for (const [name, entry] of Object.entries(bucket)) {
        if (name === 'c') continue;
        const [lat, lon, radiusKm] = entry as CellEntry;
        const distanceKm = haversineKmRaw(lat, lon, point.lat, point.lon);
        if (distanceKm <= radiusKm)
          found.push({ volunteerId: expandVolunteerId(name), location: { lat, lon }, radiusKm, distanceKm });
      }
    }
    return found;
  }

  private async buckets(cells: string[], meter?: CapacityMeter): Promise<CellBucket[]> {
    const TableName = this.tables.volunteerCells;
    const out: CellBucket[] = [];
    let keys: Record<string, unknown>[] | undefined = cells.map((c) => ({ c }));
    while (keys?.length) {
      const page: BatchGetCommandOutput = await this.doc.send(
        new BatchGetCommand({
          RequestItems: { [TableName]: { Keys: keys } },
          ReturnConsumedCapacity: meter ? 'TOTAL' : undefined,
        }),
      );
      if (meter) {
        meter.readCapacityUnits += page.ConsumedCapacity?.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0) ?? 0;
        meter.requests += 1;
      }
      out.push(...((page.Responses?.[TableName] ?? []) as CellBucket[]));
      keys = page.UnprocessedKeys?.[TableName]?.Keys;
    }
    return out;
  }
}
