/**
 * A trie over Thai-script keys. The importer builds it with one `Map<number, number>` from
 * (node * 128 + char offset in the Thai block U+0E00-U+0E7F) to child node, then flattens it
 * into sorted typed arrays (`serializeTrie`) stored in the index, so loading is a few array
 * copies and lookups are binary searches over each node's edges (~19,000 nodes).
 */
const THAI_BASE = 0x0e00;

/** The trie's storage; build with `createTrie` + `trieInsert`. */
export interface NameTrie {
  edges: Map<number, number>;
  /** Place indices whose name ends at node n. */
  terminals: Array<number[] | undefined>;
  size: number;
}

/** An empty trie (node 0 is the root). */
export function createTrie(): NameTrie {
  return { edges: new Map(), terminals: [undefined], size: 1 };
}

/** Adds `key` -> `id` (ids are de-duplicated per key). */
export function trieInsert(t: NameTrie, key: string, id: number): void {
  let node = 0;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code < THAI_BASE || code >= THAI_BASE + 128) {
      throw new Error(`trie keys must be Thai script; "${key}" has U+${code.toString(16)}`);
    }
    const edge = node * 128 + (code - THAI_BASE);
    let next = t.edges.get(edge);
    if (next === undefined) {
      next = t.size++;
      t.edges.set(edge, next);
      t.terminals.push(undefined);
    }
    node = next;
  }
  const ids = t.terminals[node];
  if (!ids) t.terminals[node] = [id];
  else if (!ids.includes(id)) ids.push(id);
}

/**
 * The trie flattened for the index file and for lookups without a per-node object:
 * node n's edges are [first[n], first[n+1]) in `chars` (sorted) / `next`, and its place ids
 * are ids[idStart[n] .. idStart[n+1]). Loading it is a few typed-array copies, no building.
 */
export interface FlatTrie {
  first: Int32Array;
  chars: string;
  next: Int32Array;
  idStart: Int32Array;
  ids: Int32Array;
}

/** JSON form of a `FlatTrie` (plain arrays). */
export interface SerializedTrie {
  first: number[];
  chars: string;
  next: number[];
  idStart: number[];
  ids: number[];
}

/** Flattens a built trie (breadth-first renumbering keeps each node's edges together). */
export function serializeTrie(t: NameTrie): SerializedTrie {
  const children: Array<Array<[number, number]>> = Array.from({ length: t.size }, () => []);
  for (const [edge, child] of t.edges) children[Math.floor(edge / 128)].push([edge % 128, child]);
  const order = [0];
  const newId = new Int32Array(t.size);
  for (let k = 0; k < order.length; k++) {
    children[order[k]].sort((a, b) => a[0] - b[0]);
    for (const [, child] of children[order[k]]) {
      newId[child] = order.length;
      order.push(child);
    }
  }
  const out: SerializedTrie = { first: [0], chars: '', next: [], idStart: [0], ids: [] };
  const chars: string[] = [];
  for (const old of order) {
    for (const [c, child] of children[old]) {
      chars.push(String.fromCharCode(THAI_BASE + c));
      out.next.push(newId[child]);
    }
    out.first.push(out.next.length);
    out.ids.push(...(t.terminals[old] ?? []));
    out.idStart.push(out.ids.length);
  }
  out.chars = chars.join('');
  return out;
}

/** Turns the JSON form into typed arrays. */
export function loadFlatTrie(s: SerializedTrie): FlatTrie {
  return {
    first: Int32Array.from(s.first),
    chars: s.chars,
    next: Int32Array.from(s.next),
    idStart: Int32Array.from(s.idStart),
    ids: Int32Array.from(s.ids),
  };
}

function flatChild(t: FlatTrie, node: number, code: number): number {
  let lo = t.first[node];
  let hi = t.first[node + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = t.chars.charCodeAt(mid);
    if (c === code) return t.next[mid];
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Every key that starts at `from` in `s`, shortest first, with its place ids. */
export function flatTrieAll(t: FlatTrie, s: string, from: number): Array<{ end: number; ids: number[] }> {
  const out: Array<{ end: number; ids: number[] }> = [];
  let node = 0;
  for (let i = from; i < s.length; i++) {
    node = flatChild(t, node, s.charCodeAt(i));
    if (node < 0) break;
    const a = t.idStart[node];
    const b = t.idStart[node + 1];
    if (b > a) out.push({ end: i + 1, ids: Array.from(t.ids.subarray(a, b)) });
  }
  return out;
}
