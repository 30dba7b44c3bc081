/**
 * A deterministic 106-bit id from a string: two independent cyrb53 hashes (public domain,
 * bryc), 28 hex characters. For ids derived from keys (hotspots, alerts), so that every
 * redelivery or recomputation names the same thing alike. Not cryptographic.
 */
export function stableHash(key: string): string {
  // Different prefixes, so the two input streams never line up.
  const a = hash53(`a:${key}`, 0x2545f491);
  const b = hash53(`b:${key}`, 0x6c8e9cf5);
  return `${a.toString(16).padStart(14, '0')}${b.toString(16).padStart(14, '0')}`;
}

function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
