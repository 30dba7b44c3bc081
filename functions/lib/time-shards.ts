/**
 * Keys of the sharded time indexes (`shared/tables.ts`): a feed item goes to `<feed>#<n>`, n
 * from a hash of its id, so a feed is spread over TIME_SHARDS partition keys (DynamoDB gives
 * one key about 1,000 writes a second). Readers query the shards side by side and merge them.
 */
import { TIME_SHARDS } from '../../shared/tables.js';

/** The write shard of an id, 0 to TIME_SHARDS - 1 (FNV-1a: the same in every runtime). */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % TIME_SHARDS;
}

/** The partition key of item `id` in the sharded index `prefix` (`tips`, `alerts`, `held`, `lease`). */
export function shardKey(prefix: string, id: string): string {
  return `${prefix}#${shardOf(id)}`;
}

/** Every partition key of the sharded index `prefix`. */
export function shardKeys(prefix: string): string[] {
  return Array.from({ length: TIME_SHARDS }, (_, n) => `${prefix}#${n}`);
}
