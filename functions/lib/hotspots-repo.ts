import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Hotspot } from '../../shared/types.js';
import { queryAll } from './query-all.js';

/**
 * Stored form: the geometry is kept as a JSON string (`geometryJson`), a third of the size
 * of nested DynamoDB lists and read back in one `JSON.parse`.
 */
type HotspotItem = Omit<Hotspot, 'geometry'> & { geometryJson: string };

/** Converts a stored item (or a stream image already unmarshalled) back to a Hotspot. */
export function fromHotspotItem(item: Record<string, unknown>): Hotspot {
  const { geometryJson, ...rest } = item as HotspotItem;
  return { ...(rest as Omit<Hotspot, 'geometry'>), geometry: JSON.parse(geometryJson) } as Hotspot;
}

function toItem(h: Hotspot): HotspotItem {
  const { geometry, ...rest } = h;
  return { ...rest, geometryJson: JSON.stringify(geometry) };
}

/** Hotspots in DynamoDB. */
export class HotspotsRepo {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
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

  /** Writes hotspots (new, changed or retired) one Put each; the stream carries old and new images. */
  async putAll(hotspots: Hotspot[]): Promise<void> {
    // Sequential on purpose: the alert dispatcher reads the stream in order, and hotspot
    // changes per tip batch are few.
    for (const h of hotspots) {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: toItem(h) }));
    }
  }
}
