import { describe, expect, it } from 'vitest';
import type { Volunteer } from '../types.js';
import { NotFoundError, RateLimitedError } from './errors.js';
import { MemoryLog, RecordingSender, SettableClock, sequenceIds } from './in-memory/memory-ports.js';
import { MemoryVolunteerDirectory } from './in-memory/memory-volunteer-directory.js';
import type { OptOutGrant, OptOutRequest, RateLimiter } from './ports.js';
import { confirmOptOut, handleOptOutRequest, OPT_OUT_LIMITS, requestOptOut } from './public-opt-out.js';

const NOW = '2026-11-25T05:00:00.000Z';
const volunteer = (id: string, phone: string, status: Volunteer['status'] = 'active'): Volunteer => ({
  id,
  name: id,
  phone,
  location: { lat: 6.43, lon: 101.82 },
  radiusKm: 5,
  language: 'th',
  status,
  createdAt: NOW,
  updatedAt: NOW,
});

/** Every call a port receives, in order, so two requests can be compared step by step. */
function tracing() {
  const calls: string[] = [];
  const counts = new Map<string, number>();
  const limiter: RateLimiter = {
    async allow(key, limit) {
      calls.push(`allow ${key.split(':')[0]}`);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n <= limit;
    },
  };
  const queued: OptOutRequest[] = [];
  const grants = new Map<string, OptOutGrant>();
  const deps = {
    limiter,
    optOutRequests: { submit: async (r: OptOutRequest) => void (calls.push('submit'), queued.push(r)) },
    optOutTokens: {
      save: async (token: string, grant: OptOutGrant) => void grants.set(token, grant),
      take: async (token: string) => {
        const g = grants.get(token);
        grants.delete(token);
        return g;
      },
    },
    volunteers: new MemoryVolunteerDirectory(),
    senders: { sms: new RecordingSender() },
    clock: new SettableClock(NOW),
    ids: sequenceIds(),
    log: new MemoryLog(),
    settings: { publicBaseUrl: 'https://phithak.example.org' },
  };
  return { deps, calls, queued, grants };
}

describe('the public opt-out', () => {
  it('does the same work, in the same order, for a registered number and for any other', async () => {
    const a = tracing();
    await a.deps.volunteers.put(volunteer('v1', '+66812345678'));
    const b = tracing();
    await requestOptOut(a.deps, '+66812345678', 'client-1');
    await requestOptOut(b.deps, '+66899999999', 'client-1');
    expect(a.calls).toEqual(['allow client', 'allow phone', 'submit']);
    expect(b.calls).toEqual(a.calls);
    // Nothing changes before the owner confirms.
    expect((await a.deps.volunteers.get('v1'))?.status).toBe('active');
  });

  it('texts a one-time link only to a number that belongs to an active volunteer', async () => {
    const t = tracing();
    await t.deps.volunteers.put(volunteer('v1', '+66812345678'));
    await t.deps.volunteers.put(volunteer('v2', '+66812345678', 'opted_out'));
    expect(await handleOptOutRequest(t.deps, { id: 'r1', phone: '+66899999999', at: NOW })).toBe('not_registered');
    expect(t.deps.senders.sms.sent).toEqual([]);
    expect(await handleOptOutRequest(t.deps, { id: 'r2', phone: '+66812345678', at: NOW })).toBe('link_sent');
    const [sms] = t.deps.senders.sms.sent;
    expect(sms).toMatchObject({ to: '+66812345678', channel: 'sms' });
    const token = /#stop=([0-9a-f]{64})/.exec(sms!.text)![1]!;
    expect([...t.grants.values()]).toEqual([
      { phone: '+66812345678', volunteerIds: ['v1'], expiresAt: '2026-11-26T05:00:00.000Z' },
    ]);
    expect(await confirmOptOut(t.deps, token)).toBe(1);
    expect((await t.deps.volunteers.get('v1'))?.status).toBe('opted_out');
    await expect(confirmOptOut(t.deps, token)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('limits requests per client (429) and per number (dropped, the answer unchanged)', async () => {
    const t = tracing();
    for (let i = 0; i < OPT_OUT_LIMITS.perPhonePerDay; i++) await requestOptOut(t.deps, '+66812345678', `c${i}`);
    await requestOptOut(t.deps, '+66812345678', 'c-next');
    expect(t.queued).toHaveLength(OPT_OUT_LIMITS.perPhonePerDay);
    for (let i = 0; i < OPT_OUT_LIMITS.perClientPerHour; i++)
      await requestOptOut(t.deps, `+6681234${1000 + i}`, 'flood');
    await expect(requestOptOut(t.deps, '+66812340000', 'flood')).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('opts out only profiles that still hold the number that asked', async () => {
    const t = tracing();
    await t.deps.volunteers.put(volunteer('v1', '+66812345678'));
    await handleOptOutRequest(t.deps, { id: 'r', phone: '+66812345678', at: NOW });
    const token = /#stop=([0-9a-f]{64})/.exec(t.deps.senders.sms.sent[0]!.text)![1]!;
    const v1 = (await t.deps.volunteers.get('v1'))!;
    await t.deps.volunteers.put({ ...v1, phone: '+66800000000', updatedAt: 'later' }, v1);
    expect(await confirmOptOut(t.deps, token)).toBe(0);
    expect((await t.deps.volunteers.get('v1'))?.status).toBe('active');
  });
});
