import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HotspotStore } from '../../shared/core/ports.js';
import { HotspotConflictError } from '../../shared/core/errors.js';
import type { HotspotChanges } from '../../shared/hotspots/index.js';
import type { Hotspot } from '../../shared/types.js';
import { queryAll } from './query-all.js';

/**
 * Stored form: the geometry is kept as a JSON string (`geometryJson`), a third of the size
 * of nested DynamoDB lists and read back in one `JSON.parse`.
 */
type HotspotItem = Omit<Hotspot, 'geometry'> & { geometryJson: string };

/** Converts a stored item (or a stream image already unmarshalled) back to a Hotspot. */
export function fromHotspotItem(item: Record<string, unknown>): Hotspot {
  const { geometryJson, expiresAt: _e, ...rest } = item as HotspotItem & { expiresAt?: number };
  return { ...(rest as Omit<Hotspot, 'geometry'>), geometry: JSON.parse(geometryJson) } as Hotspot;
}

/** The stored form; a retired hotspot expires `retiredDays` after it retired (active ones never do). */
function toItem(h: Hotspot, retiredDays: number): HotspotItem & { expiresAt?: number } {
  const { geometry, ...rest } = h;
  const expiresAt =
    h.status === 'retired' ? Math.floor(Date.parse(h.updatedAt) / 1000) + retiredDays * 86_400 : undefined;
  return { ...rest, geometryJson: JSON.stringify(geometry), ...(expiresAt ? { expiresAt } : {}) };
}

/** Hotspots in DynamoDB. */
export class DynamoHotspotStore implements HotspotStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    /** Days a retired hotspot is kept (its SMS links then say it has ended). */
    private readonly retiredDays = 90,
  ) {}

  /** Every active hotspot, most recently seen first. */
  async listActive(): Promise<Hotspot[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: 'byStatus',
      KeyConditionExpression: '#s = :active',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':active': 'active' },
      ScanIndexForward: false,
    });
    return items.map(fromHotspotItem);
  }

  async get(id: string): Promise<Hotspot | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: { id } }));
    return out.Item ? fromHotspotItem(out.Item) : undefined;
  }

  /**
   * Writes the hotspots a recomputation produced (new, changed or retired), each only if
   * the stored item is still the one the recomputation read (optimistic concurrency): a
   * hotspot read at `updatedAt` must still have it; one not read must not exist or be
   * retired. A concurrent writer (another shard's batch, or a stale index read) makes this
   * throw `HotspotConflictError`, the batch fails, and its retry recomputes on fresh data.
   */
  private async putAll(hotspots: Hotspot[], read: ReadonlyMap<string, string>): Promise<void> {
    // Sequential on purpose: the alert dispatcher reads the stream in order, and hotspot
    // changes per tip batch are few.
    for (const h of hotspots) {
      const readAt = read.get(h.id);
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: toItem(h, this.retiredDays),
            ...(readAt
              ? {
                  ConditionExpression: '#u = :readAt',
                  ExpressionAttributeNames: { '#u': 'updatedAt' },
                  ExpressionAttributeValues: { ':readAt': readAt },
                }
              : {
                  ConditionExpression: 'attribute_not_exists(id) OR #s = :retired',
                  ExpressionAttributeNames: { '#s': 'status' },
                  ExpressionAttributeValues: { ':retired': 'retired' },
                }),
          }),
        );
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) throw new HotspotConflictError(h.id, { cause: err });
        throw err;
      }
    }
  }

  /**
   * Stores what a recomputation produced (upserts, and retired hotspots already marked
   * `retired` by the engine), checked against the hotspots it read.
   */
  async saveChanges(changes: Pick<HotspotChanges, 'upserts' | 'retired'>, read: Hotspot[]): Promise<void> {
    await this.putAll([...changes.upserts, ...changes.retired], new Map(read.map((h) => [h.id, h.updatedAt])));
  }
}
