import { describe, expect, it } from 'vitest';
import type { TipListItem } from '../../../shared/api/wire.js';
import { countByTambon, filterQuery, filterTips, indexTips } from './tip-filter.js';

const tip = (id: string, receivedAt: string, over: Partial<TipListItem> = {}): TipListItem => ({
  id,
  reference: id,
  receivedAt,
  text: '',
  category: 'other',
  channel: 'web',
  status: 'new',
  geocode: { precision: 'tambon', admin: { tambonCode: '960101' } },
  urgent: false,
  hasContact: false,
  ...over,
});

const tips = indexTips([
  tip('a', '2026-11-30T10:00:00Z', { category: 'child_labour', channel: 'sms' }),
  tip('b', '2026-11-20T10:00:00Z', { status: 'verified' }),
  tip('c', '2026-11-01T10:00:00Z', { category: 'child_labour', geocode: { precision: 'none' } }),
]);
const window = { fromMs: Date.parse('2026-11-10T00:00:00Z'), untilMs: Date.parse('2026-11-30T10:00:00Z') };

describe('filterTips', () => {
  it('keeps the time window, its end inclusive, in the given order', () => {
    expect(filterTips(tips, window).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('applies category, status and channel together', () => {
    expect(filterTips(tips, { ...window, category: 'child_labour' }).map((t) => t.id)).toEqual(['a']);
    expect(filterTips(tips, { ...window, status: 'verified' }).map((t) => t.id)).toEqual(['b']);
    expect(filterTips(tips, { ...window, channel: 'sms', status: 'verified' })).toEqual([]);
  });
});

describe('filterQuery and countByTambon', () => {
  it('asks the API for the same selection', () => {
    expect(filterQuery({ ...window, category: 'child_labour' })).toEqual({
      since: '2026-11-10T00:00:00.000Z',
      until: '2026-11-30T10:00:00.000Z',
      category: 'child_labour',
    });
  });

  it('counts tips per tambon, skipping those without one', () => {
    expect([...countByTambon(tips.items)]).toEqual([['960101', 2]]);
  });
});
