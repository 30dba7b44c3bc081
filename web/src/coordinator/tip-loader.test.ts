import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TipListItem } from '../../../shared/api/wire.js';
import { loadTips, timeWindows, WINDOWS } from './tip-loader.js';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const DAY = 86_400_000;

describe('timeWindows', () => {
  it('cuts the year into disjoint windows, newest first, that cover it', () => {
    const w = timeWindows(NOW);
    expect(w).toHaveLength(WINDOWS);
    expect(w[0][1]).toBe(new Date(NOW).toISOString());
    expect(w[0][0]).toBe(new Date(NOW - 7 * DAY).toISOString());
    expect(w.at(-1)![0]).toBe(new Date(NOW - 365 * DAY).toISOString());
    for (let i = 1; i < w.length; i++) {
      // Each window ends 1 ms before the newer one starts: no gap, no overlap.
      expect(Date.parse(w[i][1])).toBe(Date.parse(w[i - 1][0]) - 1);
      expect(w[i][0] < w[i][1]).toBe(true);
    }
  });
});

/** A fake API over `tips`: filters by since/until (both inclusive), pages by an index cursor. */
function fakeApi(tips: TipListItem[], maxLimit = 1000) {
  const calls: URL[] = [];
  const flight = { now: 0, max: 0 };
  const fetchImpl = async (input: string) => {
    const url = new URL(input, 'http://local');
    calls.push(url);
    flight.max = Math.max(flight.max, ++flight.now);
    await new Promise((done) => setTimeout(done, 5));
    flight.now--;
    const limit = Number(url.searchParams.get('limit'));
    if (limit > maxLimit)
      return new Response(JSON.stringify({ error: { code: 'invalid', message: 'limit' } }), { status: 400 });
    const since = url.searchParams.get('since') ?? '';
    const until = url.searchParams.get('until') ?? '~';
    const from = Number(url.searchParams.get('next') ?? 0);
    const match = tips.filter((t) => t.receivedAt >= since && t.receivedAt <= until);
    const items = match.slice(from, from + limit);
    const next = from + limit < match.length ? { next: String(from + limit) } : {};
    return new Response(JSON.stringify({ items, ...next }), { status: 200 });
  };
  vi.stubGlobal('fetch', fetchImpl);
  return { calls, flight };
}

function tipsOver(n: number): TipListItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    receivedAt: new Date(NOW - Math.floor((i * 364 * DAY) / n)).toISOString(),
  })) as TipListItem[];
}

afterEach(() => vi.unstubAllGlobals());

describe('loadTips', () => {
  it('loads every tip once, newest first, paging the windows side by side', async () => {
    const tips = tipsOver(4500);
    const { calls, flight } = fakeApi(tips);
    const seen: Array<[number, boolean]> = [];
    const all = await loadTips((got, done) => seen.push([got.length, done]), NOW);
    expect(all.map((t) => t.id)).toEqual(tips.map((t) => t.id));
    expect(seen.at(-1)).toEqual([4500, true]);
    expect(seen.filter(([, done]) => done)).toHaveLength(1);
    // Every window was asked for, and all of them at once.
    expect(new Set(calls.map((u) => u.searchParams.get('since'))).size).toBe(WINDOWS);
    expect(flight.max).toBe(WINDOWS);
  });

  it('asks an older API for pages of 200 when it refuses 1000', async () => {
    const tips = tipsOver(900);
    const { calls } = fakeApi(tips, 200);
    const all = await loadTips(() => {}, NOW);
    expect(all).toHaveLength(900);
    expect(calls.filter((u) => u.searchParams.get('limit') === '200').length).toBeGreaterThan(WINDOWS - 1);
  });

  it('counts a tip on a window boundary once', async () => {
    const edge = new Date(NOW - 7 * DAY).toISOString();
    const tips = [{ id: 'a', receivedAt: edge }] as TipListItem[];
    fakeApi(tips);
    expect((await loadTips(() => {}, NOW)).map((t) => t.id)).toEqual(['a']);
  });
});
