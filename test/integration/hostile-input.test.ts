import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSystem, type LocalSystem } from '../support/local-system.js';

let sys: LocalSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => {
  await sys?.stop();
});

async function send(path: string, init: RequestInit = {}) {
  const res = await fetch(`${sys.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, text };
}

const post = (body: string, headers: Record<string, string> = {}) =>
  send('/api/tips', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

it('answers every hostile request with a 4xx JSON error and keeps serving', async () => {
  const before = (await send('/api/tips?limit=200', { headers: { authorization: `Bearer ${sys.token}` } })).text;
  const cases: Array<Promise<{ status: number; text: string }>> = [
    post(''),
    post('null'),
    post('[]'),
    post('"just a string"'),
    post(JSON.stringify({ text: 'x'.repeat(5001) })),
    post(JSON.stringify({ text: 'ok', extra: 'field' })),
    post(JSON.stringify({ text: 'ok', location: { lat: 'six', lon: 101 } })),
    post(JSON.stringify({ text: 'ok', occurredAt: 'yesterday' })),
    post(JSON.stringify({ text: 'ok' }), { 'idempotency-key': 'not-a-uuid' }),
    post(JSON.stringify({ text: 'y'.repeat(2 * 1024 * 1024) })),
    send('/api/volunteers/%E0%A4%A/opt-out', { method: 'POST', headers: { authorization: `Bearer ${sys.token}` } }),
    send('/%E0%A4%A'),
    send('/api/zones/check?lat=abc&lon=1'),
    send('/api/geocode'),
    send('/api/tips?since=not-a-date', { headers: { authorization: `Bearer ${sys.token}` } }),
    send('/api/tips?next=garbage', { headers: { authorization: `Bearer ${sys.token}` } }),
    send('/api/nope'),
  ];
  for (const res of await Promise.all(cases)) {
    expect(res.status, res.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
    expect(res.status, res.text.slice(0, 200)).toBeLessThan(500);
    expect(JSON.parse(res.text).error.code).toEqual(expect.any(String));
  }
  // Nothing was stored, and the server still answers.
  expect((await send('/api/tips?limit=200', { headers: { authorization: `Bearer ${sys.token}` } })).text).toBe(before);
  expect((await send('/api/health')).status).toBe(200);
});
