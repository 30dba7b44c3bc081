import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Volunteer } from '../../../shared/types.js';
import type { AppContext } from '../../lib/context.js';
import { VolunteerConflictError } from '../../lib/volunteers-repo.js';
import { HttpError } from '../errors.js';
import { publicOptOut } from './opt-out.js';

const volunteer = (id: string, phone: string, status: Volunteer['status'] = 'active', updatedAt = 't0'): Volunteer => ({
  id,
  name: id,
  phone,
  location: { lat: 6.4, lon: 101.8 },
  radiusKm: 5,
  language: 'th',
  status,
  createdAt: 't0',
  updatedAt,
});

/** A registry in memory with the repo methods the route uses; `conflicts` fail that many puts first. */
function fakeContext(registry: Volunteer[], conflicts = 0) {
  const puts: Array<{ next: Volunteer; previous?: Volunteer }> = [];
  let failing = conflicts;
  const volunteers = {
    list: async () => registry.map((v) => ({ ...v })),
    get: async (id: string) => registry.find((v) => v.id === id),
    put: async (next: Volunteer, previous?: Volunteer) => {
      if (failing-- > 0) {
        // Someone else saved in between: the stored profile moved on.
        const stored = registry.find((v) => v.id === next.id)!;
        stored.updatedAt = `${stored.updatedAt}+`;
        throw new VolunteerConflictError(next.id);
      }
      puts.push({ next, previous });
    },
  };
  const ctx = { volunteers, now: () => '2026-11-25T12:00:00.000Z' } as unknown as AppContext;
  return { ctx, puts };
}

const request = (body: unknown) =>
  ({ body: JSON.stringify(body), headers: {}, requestContext: {} }) as unknown as APIGatewayProxyEvent;

describe('POST /api/opt-out', () => {
  it('opts out every active profile with the number, however it was typed, and nobody else', async () => {
    const { ctx, puts } = fakeContext([
      volunteer('a', '+66812345678'),
      volunteer('b', '+66812345678'),
      volunteer('c', '+66812345678', 'opted_out'),
      volunteer('d', '+66898765432'),
    ]);
    const res = await publicOptOut(request({ phone: '081-234-5678' }), ctx);
    expect(res.statusCode).toBe(202);
    expect(JSON.parse(res.body)).toEqual({ ok: true });
    expect(puts.map((p) => [p.next.id, p.next.status, p.previous?.status])).toEqual([
      ['a', 'opted_out', 'active'],
      ['b', 'opted_out', 'active'],
    ]);
  });

  it('answers exactly the same for a number nobody registered', async () => {
    const { ctx, puts } = fakeContext([volunteer('a', '+66812345678')]);
    const known = await publicOptOut(
      request({ phone: '+66 81 234 5678' }),
      fakeContext([volunteer('a', '+66812345678')]).ctx,
    );
    const unknown = await publicOptOut(request({ phone: '+60 12-345 6789' }), ctx);
    expect(unknown).toEqual(known);
    expect(puts).toEqual([]);
  });

  it('retries on a concurrent edit with the profile read again', async () => {
    const { ctx, puts } = fakeContext([volunteer('a', '+66812345678')], 1);
    expect((await publicOptOut(request({ phone: '0812345678' }), ctx)).statusCode).toBe(202);
    expect(puts).toHaveLength(1);
    expect(puts[0].previous?.updatedAt).toBe('t0+');
  });

  it('rejects a number that cannot be real with a field error', async () => {
    const { ctx } = fakeContext([]);
    const err = await publicOptOut(request({ phone: '12' }), ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 400, fields: { phone: expect.stringContaining('not a valid phone number') } });
  });
});
