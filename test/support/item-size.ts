/**
 * The size DynamoDB counts for an item against its 400 KB limit (and bills by), from the
 * attribute values the SDK sends: the same `marshall` options as the document client of
 * functions/lib/dynamo-client.ts. Rules from the DynamoDB developer guide, "Item sizes and
 * formats": names and strings in UTF-8 bytes, a number about one byte per two significant
 * digits plus one, 3 bytes of overhead per list or map and 1 per element.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** Bytes of a number attribute: significant digits / 2, plus one, at most 21. */
function numberBytes(n: string): number {
  const digits = n.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.min(21, Math.ceil(Math.max(1, digits.length) / 2) + 1);
}

function valueBytes(v: AttributeValue): number {
  if (v.S !== undefined) return utf8(v.S);
  if (v.N !== undefined) return numberBytes(v.N);
  if (v.B !== undefined) return v.B.byteLength;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (v.NS) return v.NS.reduce((sum, s) => sum + numberBytes(s), 0);
  if (v.L) return 3 + v.L.reduce((sum, e) => sum + 1 + valueBytes(e), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((sum, [k, e]) => sum + 1 + utf8(k) + valueBytes(e), 0);
  throw new Error(`unknown attribute value ${JSON.stringify(v)}`);
}

/** Bytes DynamoDB counts for `item` as the document client would write it. */
export function itemSizeBytes(item: Record<string, unknown>): number {
  const attributes = marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false });
  return Object.entries(attributes).reduce((sum, [name, v]) => sum + utf8(name) + valueBytes(v), 0);
}
