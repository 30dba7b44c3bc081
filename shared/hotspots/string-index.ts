/**
 * Strings to dense indices (0, 1, 2, ... in order of first sight), in an open-addressing hash
 * table over typed arrays. V8's `Map` slows to over a microsecond an entry past a million
 * string keys (measured: 1.2 s for 1,000,000 tip ids); this takes about a tenth of that, which
 * is what lets the full recomputation intern a million reporters and ids.
 */

/** A set of strings, each with its index. */
export class StringIndex {
  private readonly keys: string[] = [];
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;

  /** `expected`: about how many strings will be added (the table grows past it anyway). */
  constructor(expected = 1024) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(Math.max(16, expected));
    this.mask = size - 1;
  }

  /** Number of distinct strings. */
  get size(): number {
    return this.keys.length;
  }

  /** The string with index `i`. */
  at(i: number): string {
    return this.keys[i];
  }

  /** The index of `s`, added if it is new. */
  intern(s: string): number {
    const h = hash(s);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.slots[slot];
      if (k < 0) return this.add(s, h, slot);
      if (this.hashes[k] === h && this.keys[k] === s) return k;
    }
  }

  /** The index of `s`, or -1. */
  find(s: string): number {
    const h = hash(s);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.slots[slot];
      if (k < 0) return -1;
      if (this.hashes[k] === h && this.keys[k] === s) return k;
    }
  }

  private add(s: string, h: number, slot: number): number {
    const k = this.keys.length;
    this.keys.push(s);
    if (k === this.hashes.length) {
      const grown = new Int32Array(k * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[k] = h;
    this.slots[slot] = k;
    // Kept at most half full, so a probe ends within a few slots.
    if (this.keys.length * 2 > this.slots.length) this.rehash();
    return k;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let k = 0; k < this.keys.length; k++) {
      let slot = this.hashes[k] & mask;
      while (slots[slot] >= 0) slot = (slot + 1) & mask;
      slots[slot] = k;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** FNV-1a over UTF-16 code units, with a final avalanche so short keys spread over the table. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
