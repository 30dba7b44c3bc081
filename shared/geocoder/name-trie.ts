/**
 * A trie over Thai-script keys stored as one `Map<number, number>` from
 * (node * 128 + char offset in the Thai block U+0E00-U+0E7F) to child node, plus a terminal
 * list per node. Keys stay small integers (fast Map keys), and one Map is far cheaper to
 * build than a Map per node (~60,000 nodes), which keeps the gazetteer load fast.
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

/** Longest key that starts at `from` in `s`: its end offset and place ids, or null. */
export function trieLongest(t: NameTrie, s: string, from: number): { end: number; ids: number[] } | null {
  let node = 0;
  let best: { end: number; ids: number[] } | null = null;
  for (let i = from; i < s.length; i++) {
    const code = s.charCodeAt(i) - THAI_BASE;
    if (code < 0 || code >= 128) break;
    const next = t.edges.get(node * 128 + code);
    if (next === undefined) break;
    node = next;
    const ids = t.terminals[node];
    if (ids) best = { end: i + 1, ids };
  }
  return best;
}

/** Every key that starts at `from` in `s`, shortest first. */
export function trieAll(t: NameTrie, s: string, from: number): Array<{ end: number; ids: number[] }> {
  const out: Array<{ end: number; ids: number[] }> = [];
  let node = 0;
  for (let i = from; i < s.length; i++) {
    const code = s.charCodeAt(i) - THAI_BASE;
    if (code < 0 || code >= 128) break;
    const next = t.edges.get(node * 128 + code);
    if (next === undefined) break;
    node = next;
    const ids = t.terminals[node];
    if (ids) out.push({ end: i + 1, ids });
  }
  return out;
}
