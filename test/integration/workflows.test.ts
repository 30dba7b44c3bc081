/**
 * Coordinator and volunteer workflows on the real local system (DynamoDB Local, its stream,
 * the same handlers as in AWS): the public opt-out silences a volunteer without telling
 * anyone who is registered, and a coordinator's review status takes dismissed tips out of
 * their hotspot.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { eventually, startTestSystem, type LocalSystem } from '../support/local-system.js';

/** Tak Bai town, Narathiwat. */
const TAK_BAI = { lat: 6.2597, lon: 102.053 };
/** Sungai Kolok town, Narathiwat: 27 km from Tak Bai, beyond every radius used here. */
const SUNGAI_KOLOK = { lat: 6.0297, lon: 101.967 };

let sys: LocalSystem;
const { call, auth } = apiClient(() => sys);

/** Six tips within ~200 m of `centre`: enough for a public hotspot. Resolves with their ids. */
async function postCluster(centre: { lat: number; lon: number }, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const location = { lat: centre.lat + (i % 3) * 0.001, lon: centre.lon + Math.floor(i / 3) * 0.001 };
    const res = await call(
      'POST',
      '/api/tips',
      { text: `${label} ${i}`, category: 'labour_exploitation', location },
      {
        'idempotency-key': randomUUID(),
      },
    );
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

/** Public hotspots whose outline starts within ~5 km of `point`. */
async function hotspotsNear(point: { lat: number; lon: number }): Promise<any[]> {
  const { body } = await call('GET', '/api/hotspots');
  return body.features.filter((f: any) => {
    const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
    return Math.abs(ring[0][1] - point.lat) < 0.05 && Math.abs(ring[0][0] - point.lon) < 0.05;
  });
}

async function postTip(text: string): Promise<string> {
  const res = await call('POST', '/api/tips', { text, category: 'other', address: 'ต.บางนาค อ.เมืองนราธิวาส จ.นราธิวาส' });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function register(name: string, phone: string, near: { lat: number; lon: number }): Promise<string> {
  const res = await call(
    'POST',
    '/api/volunteers',
    { name, phone, location: { lat: near.lat + 0.01, lon: near.lon }, radiusKm: 5, language: 'th' },
    auth(),
  );
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Outbox lines (the local SMS provider prints one per message, the number masked). */
const outbox: string[] = [];

beforeAll(async () => {
  sys = await startTestSystem();
  vi.spyOn(console, 'log').mockImplementation(
    (line: unknown) => void (String(line).startsWith('[outbox]') && outbox.push(String(line))),
  );
});
afterAll(async () => {
  vi.restoreAllMocks();
  await sys?.stop();
});

describe('public opt-out: POST /api/opt-out', () => {
  it('silences the volunteer with that number, typed any way, while a neighbour still gets the alert', async () => {
    const silenced = await register('Silenced', '081-111-2222', TAK_BAI);
    const neighbour = await register('Neighbour', '+66 89 333 4444', TAK_BAI);

    const res = await call('POST', '/api/opt-out', { phone: '+66 81 111 2222' });
    expect(res).toEqual({ status: 202, body: { ok: true } });
    // Nothing happens until the phone's owner follows the one-time link sent to that number.
    const link = await eventually(async () => outbox.find((l) => l.includes('+66******222') && l.includes('#stop=')));
    expect((await call('GET', `/api/volunteers/${silenced}`, undefined, auth())).body.status).toBe('active');
    const token = /#stop=([0-9a-f]{64})/.exec(link)![1];
    expect(await call('POST', '/api/opt-out/confirm', { token })).toEqual({ status: 200, body: { ok: true } });
    expect((await call('POST', '/api/opt-out/confirm', { token })).status).toBe(404);
    expect((await call('GET', `/api/volunteers/${silenced}`, undefined, auth())).body.status).toBe('opted_out');
    expect((await call('GET', `/api/volunteers/${neighbour}`, undefined, auth())).body.status).toBe('active');

    await postCluster(TAK_BAI, 'คนงานถูกกักตัวที่ท่าเรือตากใบ');
    await eventually(async () => (await hotspotsNear(TAK_BAI)).length > 0);
    await eventually(async () => {
      const { body } = await call('GET', '/api/alerts', undefined, auth());
      return body.items.some((a: any) => a.volunteerId === neighbour);
    });
    await sys.settled();
    const alerts = (await call('GET', '/api/alerts', undefined, auth())).body.items;
    expect(alerts.filter((a: any) => a.volunteerId === silenced)).toEqual([]);
  });

  it('answers 202 for a number nobody registered, so it reveals nothing, and texts nobody', async () => {
    const before = (await call('GET', '/api/volunteers', undefined, auth())).body.items;
    const sent = outbox.length;
    expect(await call('POST', '/api/opt-out', { phone: '+60 12-345 6789' })).toEqual({
      status: 202,
      body: { ok: true },
    });
    await sys.settled();
    expect((await call('GET', '/api/volunteers', undefined, auth())).body.items).toEqual(before);
    expect(outbox.slice(sent).filter((l) => l.includes('+60******789'))).toEqual([]);
  });

  it('is idempotent for a number already opted out', async () => {
    expect(await call('POST', '/api/opt-out', { phone: '0811112222' })).toEqual({ status: 202, body: { ok: true } });
  });

  it('rejects an invalid number with a field error and a missing body with a 400', async () => {
    const bad = await call('POST', '/api/opt-out', { phone: '12' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['phone']);
    expect((await call('POST', '/api/opt-out', {})).body.error.fields).toHaveProperty('phone');
    expect((await call('POST', '/api/opt-out', '{"phone": ')).status).toBe(400);
  });
});

describe('tip review: PATCH /api/tips/{id}', () => {
  it('takes a hotspot off the public map once enough of its tips are dismissed', async () => {
    const ids = await postCluster(SUNGAI_KOLOK, 'แรงงานเด็กในโรงงานสุไหงโก-ลก');
    const [hotspot] = await eventually(async () => {
      const found = await hotspotsNear(SUNGAI_KOLOK);
      return found.length && found[0].properties.tipCount === 6 ? found : undefined;
    });
    for (const id of ids.slice(0, 4)) {
      const res = await call('PATCH', `/api/tips/${id}`, { status: 'dismissed' }, auth());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, status: 'dismissed' });
      expect(res.body.reviewedAt).toEqual(expect.any(String));
    }
    await eventually(async () => (await hotspotsNear(SUNGAI_KOLOK)).length === 0, 20_000);
    const { body } = await call('GET', '/api/hotspots');
    expect(body.features.map((f: any) => f.properties.id)).not.toContain(hotspot.properties.id);
    const dismissed = (await call('GET', '/api/tips?status=dismissed&limit=200', undefined, auth())).body.items;
    expect(dismissed.map((t: any) => t.id).sort()).toEqual(ids.slice(0, 4).sort());
  });

  it('sets each review status and answers 404 for an unknown id', async () => {
    const id = await postTip('review status');
    for (const status of ['verified', 'referred', 'new']) {
      expect((await call('PATCH', `/api/tips/${id}`, { status }, auth())).body.status).toBe(status);
    }
    const unknown = await call('PATCH', `/api/tips/${randomUUID()}`, { status: 'verified' }, auth());
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await call('PATCH', `/api/tips/${'x'.repeat(3000)}`, { status: 'verified' }, auth())).status).toBe(404);
  });

  it('rejects a bad status, extra fields and bad JSON with a 400, and no token with a 401', async () => {
    const id = await postTip('validation');
    const bad = await call('PATCH', `/api/tips/${id}`, { status: 'closed' }, auth());
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('status');
    expect((await call('PATCH', `/api/tips/${id}`, { status: 'verified', text: 'rewritten' }, auth())).status).toBe(
      400,
    );
    expect((await call('PATCH', `/api/tips/${id}`, '{"status"', auth())).status).toBe(400);
    expect((await call('PATCH', `/api/tips/${id}`, { status: 'dismissed' })).status).toBe(401);
    const tip = (await call('GET', '/api/tips?limit=200', undefined, auth())).body.items.find((t: any) => t.id === id);
    expect(tip.status).toBe('new');
  });
});
