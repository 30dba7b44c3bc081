import {
  GetCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { haversineKm } from '../../shared/geo/haversine.js';
import type { LatLon, Volunteer } from '../../shared/types.js';
import { coverCells, queryCells } from '../../shared/volunteers/cells.js';

/** The copy of a volunteer kept in each covered cell: enough for the exact distance check. */
interface CellItem {
  cell: string;
  volunteerId: string;
  lat: number;
  lon: number;
  radiusKm: number;
  status: Volunteer['status'];
}

/** Volunteers in DynamoDB, with a spatial key (cover cells) so lookups never Scan. */
export class VolunteersRepo {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tables: { volunteers: string; volunteerCells: string },
  ) {}

  /** Stores the profile and its cover cells in one transaction. */
  async put(v: Volunteer, previous?: Volunteer): Promise<void> {
    const cells = coverCells(v.location, v.radiusKm);
    const stale = previous ? coverCells(previous.location, previous.radiusKm).filter((c) => !cells.includes(c)) : [];
    await this.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tables.volunteers, Item: v } },
          ...cells.map((cell) => ({
            Put: {
              TableName: this.tables.volunteerCells,
              Item: { cell, volunteerId: v.id, lat: v.location.lat, lon: v.location.lon, radiusKm: v.radiusKm, status: v.status } satisfies CellItem,
            },
          })),
          ...stale.map((cell) => ({
            Delete: { TableName: this.tables.volunteerCells, Key: { cell, volunteerId: v.id } },
          })),
        ],
      }),
    );
  }

  async get(id: string): Promise<Volunteer | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tables.volunteers, Key: { id } }));
    return out.Item as Volunteer | undefined;
  }

  /** Every volunteer (coordinator list; the registry is small enough to page in full). */
  async list(): Promise<Volunteer[]> {
    const out: Volunteer[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(new ScanCommand({ TableName: this.tables.volunteers, ExclusiveStartKey: start }));
      out.push(...((page.Items ?? []) as Volunteer[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Ids of active volunteers whose alert circle contains the point: one Query per cell. */
  async covering(point: LatLon): Promise<string[]> {
    const ids = new Set<string>();
    for (const cell of queryCells(point)) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await this.doc.send(
          new QueryCommand({
            TableName: this.tables.volunteerCells,
            KeyConditionExpression: '#c = :cell',
            ExpressionAttributeNames: { '#c': 'cell' },
            ExpressionAttributeValues: { ':cell': cell },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of (page.Items ?? []) as CellItem[]) {
          if (item.status === 'active' && haversineKm(item, point) <= item.radiusKm) ids.add(item.volunteerId);
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return [...ids];
  }
}
