import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { eventually, startTestSystem, type LocalSystem } from '../support/local-system.js';

/** Bang Nak, Mueang Narathiwat. */
const CENTRE = { lat: 6.4255, lon: 101.8231 };

let sys: LocalSystem;
const { get, post, auth } = apiClient(() => sys);

beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => {
  await sys?.stop();
});

describe('tip → hotspot → SMS loop on DynamoDB Local', () => {
  it('answers health', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, body: { ok: true } });
  });

  it('turns six nearby tips into one hotspot and exactly one SMS to the near volunteer', async () => {
    const near = await post(
      '/api/volunteers',
      {
        name: 'Near',
        phone: '081 234 5678',
        location: { lat: CENTRE.lat + 0.018, lon: CENTRE.lon },
        radiusKm: 5,
        language: 'th',
      },
      auth(),
    );
    const far = await post(
      '/api/volunteers',
      {
        name: 'Far',
        phone: '+66 89 765 4321',
        location: { lat: 6.2, lon: 101.4 }, // ~52 km inland (a home point must be on land)
        radiusKm: 10,
        language: 'en',
      },
      auth(),
    );
    expect(near.status).toBe(201);
    expect(far.status).toBe(201);
    expect(near.body.phone).toBe('+66812345678');

    for (let i = 0; i < 6; i++) {
      const res = await post(
        '/api/tips',
        {
          text: `เด็กถูกพามาขอทานที่ตลาด ${i}`,
          category: 'forced_begging',
          location: { lat: CENTRE.lat + (i % 3) * 0.001, lon: CENTRE.lon + Math.floor(i / 3) * 0.001 },
        },
        { 'idempotency-key': randomUUID() },
      );
      expect(res.status).toBe(201);
      expect(res.body.geocode.precision).toBe('point');
      expect(res.body.geocode.admin.provinceCode).toBe('96');
    }

    const hotspot = await eventually(async () => {
      const { body } = await get('/api/hotspots');
      return body.features.find((f: any) => f.properties.tipCount === 6);
    });
    expect(hotspot.geometry.type).toMatch(/Polygon/);
    expect(JSON.stringify(hotspot)).not.toContain('เด็กถูก');

    const alerts = await eventually(async () => {
      const { body } = await get('/api/alerts', auth());
      return body.items.length > 0 ? body.items : undefined;
    });
    await sys.settled();
    const after = (await get('/api/alerts', auth())).body.items;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      volunteerId: near.body.id,
      hotspotId: hotspot.properties.id,
      reason: 'new_hotspot',
    });
    expect(after[0].segments).toBeGreaterThanOrEqual(1);
    expect(after[0].message).not.toContain('เด็กถูก');
    expect(alerts.some((a: any) => a.volunteerId === far.body.id)).toBe(false);
  });

  it('stores nothing new when a tip is replayed with the same Idempotency-Key', async () => {
    const key = randomUUID();
    const body = { text: 'แรงงานถูกยึดบัตร ต.โคกเคียน อ.เมือง จ.นราธิวาส', category: 'document_confiscation' };
    const first = await post('/api/tips', body, { 'idempotency-key': key });
    const second = await post('/api/tips', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second).toEqual(first);
    const tips = (await get('/api/tips?limit=200', auth())).body.items;
    expect(tips.filter((t: any) => t.id === first.body.id)).toHaveLength(1);
    expect(tips.filter((t: any) => t.text === body.text)).toHaveLength(1);
    const reused = await post('/api/tips', { ...body, text: 'another text' }, { 'idempotency-key': key });
    expect(reused.status).toBe(422);
  });

  it('rejects malformed JSON and invalid tips with a 400 and stores nothing', async () => {
    const before = (await get('/api/tips?limit=200', auth())).body.items.length;
    const bad = await post('/api/tips', '{"text": "unterminated', {});
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const invalid = await post('/api/tips', { text: '', category: 'nope', location: { lat: 200, lon: 0 } });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.fields)).toEqual(
      expect.arrayContaining(['text', 'category', 'location.lat']),
    );
    expect((await get('/api/tips?limit=200', auth())).body.items.length).toBe(before);
  });

  it('guards coordinator routes with the bearer token', async () => {
    expect((await get('/api/tips')).status).toBe(401);
    expect((await get('/api/tips', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get('/api/alerts')).status).toBe(401);
  });
});
