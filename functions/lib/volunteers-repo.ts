import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { haversineKmRaw } from '../../shared/geo/haversine.js';
import type { Language, LatLon, Volunteer } from '../../shared/types.js';
import { coverCells, queryCells } from '../../shared/volunteers/cells.js';

/**
 * The copy of a volunteer kept in each covered cell: enough for the exact distance check
 * and the message language, and no phone number (the spatial index holds no PII but a
 * home point, which the profile holds anyway).
 */
export interface CellItem {
  cell: string;
  volunteerId: string;
  lat: number;
  lon: number;
  radiusKm: number;
  status: Volunteer['status'];
  language: Language;
}

/** A volunteer whose circle contains a point, as found through the cells. */
export type CoveringVolunteer = Omit<CellItem, 'cell'> & { distanceKm: number };

/** Read capacity consumed, filled in when passed to {@link VolunteersRepo.covering}. */
export interface CapacityMeter {
  readCapacityUnits: number;
  queries: number;
}

/** Thrown when a volunteer changed between read and write (optimistic lock). */
export class VolunteerConflictError extends Error {
  constructor(id: string, options?: { cause?: unknown }) {
    super(`volunteer ${id} was changed by someone else; read it again and retry`, options);
    this.name = 'VolunteerConflictError';
  }
}

/**
 * Volunteers in DynamoDB: the profile (`volunteers`) and its spatial key
 * (`volunteerCells`, one item per geohash cell the alert circle touches), written in one
 * transaction. Opted-out volunteers keep their profile but lose their cells, so no lookup
 * can find them.
 */
export class VolunteersRepo {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tables: { volunteers: string; volunteerCells: string },
  ) {}

  /** Cells a profile should have: none once opted out. */
  private cellsOf(v: Volunteer): string[] {
    return v.status === 'active' ? coverCells(v.location, v.radiusKm) : [];
  }

  private cellItem(v: Volunteer, cell: string): CellItem {
    return { cell, volunteerId: v.id, lat: v.location.lat, lon: v.location.lon, radiusKm: v.radiusKm, status: v.status, language: v.language };
  }

  /**
   * Stores a profile and its cells in one transaction. With `previous` (the profile as read
   * before the change), the write succeeds only if nobody changed it since, and cells the
   * circle no longer touches are deleted; without, the id must be new.
   */
  async put(v: Volunteer, previous?: Volunteer): Promise<void> {
    const cells = this.cellsOf(v);
    const keep = new Set(cells);
    const stale = previous ? this.cellsOf(previous).filter((c) => !keep.has(c)) : [];
    const guard = previous
      ? { ConditionExpression: 'updatedAt = :prev', ExpressionAttributeValues: { ':prev': previous.updatedAt } }
      : { ConditionExpression: 'attribute_not_exists(id)' };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tables.volunteers, Item: v, ...guard } },
            ...cells.map((cell) => ({ Put: { TableName: this.tables.volunteerCells, Item: this.cellItem(v, cell) } })),
            ...stale.map((cell) => ({ Delete: { TableName: this.tables.volunteerCells, Key: { cell, volunteerId: v.id } } })),
          ],
        }),
      );
    } catch (err) {
      if ((err as Error).name === 'TransactionCanceledException') throw new VolunteerConflictError(v.id, { cause: err });
      throw err;
    }
  }

  async get(id: string): Promise<Volunteer | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tables.volunteers, Key: { id }, ConsistentRead: true }));
    return out.Item as Volunteer | undefined;
  }

  /** Profiles by id (BatchGet, 100 a call); missing ids are left out. */
  async getMany(ids: readonly string[]): Promise<Map<string, Volunteer>> {
    const found = new Map<string, Volunteer>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((id) => ({ id }));
      while (keys?.length) {
        const out: BatchGetCommandOutput = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.tables.volunteers]: { Keys: keys } } }));
        for (const item of out.Responses?.[this.tables.volunteers] ?? []) found.set(item.id as string, item as Volunteer);
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
      const page = await this.doc.send(new ScanCommand({ TableName: this.tables.volunteers, ExclusiveStartKey: start }));
      out.push(...((page.Items ?? []) as Volunteer[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /**
   * Active volunteers whose alert circle contains the point: one Query per cell level
   * (two), in parallel, then the exact haversine check. Never a Scan.
   */
  async covering(point: LatLon, meter?: CapacityMeter): Promise<CoveringVolunteer[]> {
    const pages = await Promise.all(queryCells(point).map((cell) => this.queryCell(cell, meter)));
    const found = new Map<string, CoveringVolunteer>();
    for (const item of pages.flat()) {
      if (item.status !== 'active') continue;
      const distanceKm = haversineKmRaw(item.lat, item.lon, point.lat, point.lon);
      if (distanceKm > item.radiusKm) continue;
      const { cell: _cell, ...rest } = item;
      found.set(item.volunteerId, { ...rest, distanceKm });
    }
    return [...found.values()];
  }

  private async queryCell(cell: string, meter?: CapacityMeter): Promise<CellItem[]> {
    const items: CellItem[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tables.volunteerCells,
          KeyConditionExpression: '#c = :cell',
          ExpressionAttributeNames: { '#c': 'cell' },
          ExpressionAttributeValues: { ':cell': cell },
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: meter ? 'TOTAL' : undefined,
        }),
      );
      if (meter) {
        meter.readCapacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
        meter.queries += 1;
      }
      items.push(...((page.Items ?? []) as CellItem[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
