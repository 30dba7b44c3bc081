/**
 * Issue 8, "hotspots at sea alert like any other": five forced-fishing tips offshore make a
 * hotspot named by its nearest tambon with a distance, and the volunteer on the coast whose
 * circle reaches it gets the SMS; a home point at sea is refused with a clear message.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { eventually, startTestSystem, type LocalSystem } from '../support/local-system.js';

/** Off the Pattani coast, ~21 km from the nearest shore (issue 8's example). */
const OFFSHORE = { lat: 7.05, lon: 101.05 };

let sys: LocalSystem;
const { get, post, auth } = apiClient(() => sys);
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => {
  await sys?.stop();
});

it('refuses a volunteer whose home point is at sea, saying why', async () => {
  const res = await post(
    '/api/volunteers',
    { name: 'Boat', phone: '081 555 0101', location: OFFSHORE, radiusKm: 10, language: 'en' },
    auth(),
  );
  expect(res.status).toBe(400);
  expect(res.body.error.fields.location).toMatch(/at sea/);
});

it('alerts the coast for a fishing-boat hotspot at sea, named by the nearest tambon with a distance', async () => {
  const coast = await post(
    '/api/volunteers',
    // Nong Chik, Pattani: ~31 km from the tips, on land.
    { name: 'Coast', phone: '081 555 0102', location: { lat: 6.87, lon: 101.27 }, radiusKm: 40, language: 'en' },
    auth(),
  );
  expect(coast.status).toBe(201);
  for (let i = 0; i < 5; i++) {
    const location = { lat: OFFSHORE.lat + (i % 3) * 0.001, lon: OFFSHORE.lon + Math.floor(i / 3) * 0.001 };
    const res = await post(
      '/api/tips',
      { text: `เรือประมงบังคับใช้แรงงาน ${i}`, category: 'forced_fishing', location },
      { 'idempotency-key': randomUUID() },
    );
    expect(res.status).toBe(201);
  }
  const hotspot = await eventually(async () => (await get('/api/hotspots')).body.features[0]);
  expect(hotspot.properties.admin.sea.nearestKm).toBeGreaterThan(5);
  expect(hotspot.properties.admin.tambon).toEqual(expect.any(String));
  // Past `queued`: the outcome, whichever it is (the local outbox may have receipted it already).
  const alert = await eventually(async () =>
    (await get('/api/alerts', auth())).body.items.find((a: { status: string }) => a.status !== 'queued'),
  );
  expect(alert).toMatchObject({ volunteerId: coast.body.id, hotspotId: hotspot.properties.id });
  expect(['sent', 'delivered']).toContain(alert.status);
  expect(alert.message).toMatch(/At sea near .*~\d+ km/);
});
