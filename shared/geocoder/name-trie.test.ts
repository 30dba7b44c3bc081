import { describe, expect, it } from 'vitest';
import { createTrie, flatTrieAll, loadFlatTrie, serializeTrie, trieInsert } from './name-trie.js';

describe('flat name trie', () => {
  const t = createTrie();
  trieInsert(t, 'ตาก', 1);
  trieInsert(t, 'ตากใบ', 2);
  trieInsert(t, 'ตากใบ', 3);
  trieInsert(t, 'ยะลา', 4);
  const flat = loadFlatTrie(JSON.parse(JSON.stringify(serializeTrie(t))));

  it('finds every key starting at a position, shortest first, after a JSON round trip', () => {
    expect(flatTrieAll(flat, 'ที่ตากใบ', 3)).toEqual([
      { end: 6, ids: [1] },
      { end: 8, ids: [2, 3] },
    ]);
  });

  it('finds nothing where no key starts, and stops at non-Thai characters', () => {
    expect(flatTrieAll(flat, 'ลายะลา', 0)).toEqual([]);
    expect(flatTrieAll(flat, 'ยะ1ลา', 0)).toEqual([]);
  });

  it('rejects non-Thai keys at build time', () => {
    expect(() => trieInsert(createTrie(), 'Yala', 1)).toThrow(/Thai script/);
  });
});
