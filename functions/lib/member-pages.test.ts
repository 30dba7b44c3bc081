import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  compactTipId,
  directoryOf,
  expandTipId,
  formatDirectory,
  idsOfPage,
  isMemberPageId,
  layoutPages,
  MAX_PAGE_BYTES,
  pageId,
  parseDirectory,
  UNKNOWN_CELL,
} from './member-pages.js';
import { hotspotId } from '../../shared/hotspots/engine.js';
import { admitsKey, STREAM_TRIGGERS } from '../../shared/triggers.js';

const members = (n: number, cells = ['w2c1', 'w2c4']) => {
  const memberTipIds = Array.from({ length: n }, () => randomUUID());
  return { memberTipIds, memberCells: memberTipIds.map((_, i) => cells[i % cells.length]) };
};

describe('member pages', () => {
  it('packs a UUID into 22 characters and any other id reversibly', () => {
    const id = randomUUID();
    expect(compactTipId(id)).toHaveLength(22);
    for (const other of [id, 'a', 't0000001', 'with space', '~tilde', 'ไทย']) {
      expect(expandTipId(compactTipId(other))).toBe(other);
      expect(compactTipId(other)).not.toContain(' ');
    }
  });

  it('keeps every member once, in pages of its cell under the size cap, and reads them back', () => {
    const h = members(30_000);
    const pages = layoutPages(h);
    for (const p of pages) expect(p.ids.length).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    expect(pages.length).toBeGreaterThan(2);
    const back = new Map<string, string>();
    for (const p of pages) for (const id of idsOfPage(p.ids)) back.set(id, p.cell);
    expect(back.size).toBe(h.memberTipIds.length);
    h.memberTipIds.forEach((id, i) => expect(back.get(id)).toBe(h.memberCells[i]));
  });

  it('changes one page when a big hotspot gains one member', () => {
    const h = members(20_000);
    const before = layoutPages(h);
    const grown = {
      memberTipIds: [...h.memberTipIds, randomUUID()],
      memberCells: [...h.memberCells, 'w2c1'],
    };
    const after = layoutPages(grown, directoryOf(before));
    const old = new Set(before.map((p) => `${p.cell}/${p.n}/${p.hash}`));
    expect(after.filter((p) => !old.has(`${p.cell}/${p.n}/${p.hash}`))).toHaveLength(1);
    expect(after).toHaveLength(before.length);
  });

  it('halves the pages of a cell whose members aged out, and files unknown cells apart', () => {
    const big = members(20_000, ['w2c1']);
    const dir = directoryOf(layoutPages(big));
    expect(dir.get('w2c1')!.length).toBeGreaterThan(4);
    const small = { memberTipIds: big.memberTipIds.slice(0, 50), memberCells: big.memberCells.slice(0, 50) };
    expect(directoryOf(layoutPages(small, dir)).get('w2c1')).toHaveLength(1);
    expect([...directoryOf(layoutPages({ memberTipIds: ['a', 'b'] })).keys()]).toEqual([UNKNOWN_CELL]);
  });

  it('writes the directory as text and reads it back', () => {
    const dir = directoryOf(layoutPages(members(9000)));
    expect(parseDirectory(formatDirectory(dir))).toEqual(dir);
    expect(parseDirectory(undefined).size).toBe(0);
  });
});

describe('the hotspots stream filter', () => {
  // The alert dispatcher's event source mapping admits keys by prefix: a hotspot id that lost
  // it would never alert anyone, so the ids the engine makes are checked against the filter.
  it('admits every hotspot id the engine makes and passes over their member pages', () => {
    for (const key of ['3f1c…', randomUUID(), 'ก', '']) {
      const id = hotspotId(key);
      expect(admitsKey(STREAM_TRIGGERS.hotspots, id), id).toBe(true);
      expect(isMemberPageId(id)).toBe(false);
      const page = pageId(id, 'w2c1', 0, 'abc');
      expect(admitsKey(STREAM_TRIGGERS.hotspots, page), page).toBe(false);
      expect(isMemberPageId(page)).toBe(true);
    }
  });

  it('leaves the tips stream unfiltered', () => {
    expect(admitsKey(STREAM_TRIGGERS.tips, 'anything')).toBe(true);
  });
});
