/**
 * Issue 8, case by case: each input that once gave a 500 or was accepted is now a 4xx with
 * nothing stored (or, for numbers, stored in a form DynamoDB and strict readers accept), and
 * the server keeps answering. The generated properties are in hostile-properties.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, type ApiRouteDef } from '../../shared/api/routes.js';
import { startTestSystem, type LocalSystem } from '../support/local-system.js';
import { storedState } from './hostile/stored-state.js';
import {
  FORGED_CURSORS,
  HOSTILE_DECIMALS,
  ILL_FORMED_TEXTS,
  INVISIBLE_TEXTS,
  OUT_OF_RANGE_CURSOR,
  TINY_DECIMAL,
} from './hostile/values.js';

let sys: LocalSystem;
let state: ReturnType<typeof storedState>;
let tipId: string;
let volunteerId: string;

async function send(path: string, init: RequestInit = {}) {
  const res = await fetch(`${sys.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, text, headers: res.headers };
}

const JSON_TYPE = { 'content-type': 'application/json' };
const auth = () => ({ authorization: `Bearer ${sys.token}` });
const post = (body: string, headers: Record<string, string> = {}) =>
  send('/api/tips', { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body });
const coordinator = (path: string, init: RequestInit = {}) =>
  send(path, { ...init, headers: { ...auth(), ...(init.body ? JSON_TYPE : {}), ...(init.headers as object) } });

/** A body each JSON route accepts, so that the one thing wrong in a request is the thing under test. */
function validBody(def: ApiRouteDef): unknown {
  switch (def.handler) {
    case 'createTip':
      return { text: 'a valid tip at the pier' };
    case 'setTipStatus':
      return { status: 'verified', note: 'checked' };
    case 'createVolunteer':
      return { name: 'Valid volunteer', phone: '081 555 0199', location: { lat: 6.43, lon: 101.81 } };
    case 'patchVolunteer':
      return { name: 'Renamed volunteer' };
    case 'publicOptOut':
      return { phone: '081 555 0100' };
    case 'confirmOptOut':
      return { token: 'a'.repeat(64) };
    default:
      return undefined;
  }
}

/** A request to `def` that is valid in everything but what the caller adds. */
function request(
  def: ApiRouteDef,
  opts: { id?: string; query?: string; headers?: Record<string, string>; body?: BodyInit } = {},
) {
  const id =
    opts.id ??
    (def.path.startsWith('/api/tips/') ? tipId : def.path.startsWith('/api/hotspots/') ? 'hs-unknown' : volunteerId);
  const path = def.path.replace('{id}', id) + (opts.query ? `?${opts.query}` : '');
  const headers: Record<string, string> = {
    ...(def.access === 'coordinator' ? auth() : {}),
    ...(def.access === 'integrator' ? { 'x-api-key': 'integrator-key' } : {}),
    // A body given as a form, FormData or bytes brings its own type (or none).
    ...(def.jsonBody && (opts.body === undefined || typeof opts.body === 'string') ? JSON_TYPE : {}),
    ...opts.headers,
  };
  const json = validBody(def);
  const body = opts.body ?? (json === undefined ? undefined : JSON.stringify(json));
  return send(path, { method: def.method, headers, body });
}

function expect4xx(res: { status: number; text: string }, status?: number) {
  expect(res.status, res.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
  expect(res.status, res.text.slice(0, 200)).toBeLessThan(500);
  if (status !== undefined) expect(res.status, res.text.slice(0, 200)).toBe(status);
  expect(JSON.parse(res.text).error.code).toEqual(expect.any(String));
}

/** Runs `fn`, then proves nothing was stored anywhere and the server still answers. */
async function storesNothing(fn: () => Promise<void>) {
  const before = await state.read();
  await fn();
  expect(await state.read()).toBe(before);
  expect((await send('/api/health')).status).toBe(200);
}

beforeAll(async () => {
  sys = await startTestSystem({ config: { integratorKeys: { gateway: 'integrator-key' } } });
  state = storedState(sys);
  tipId = JSON.parse((await post(JSON.stringify({ text: 'fixture tip' }))).text).id;
  const volunteer = await coordinator('/api/volunteers', {
    method: 'POST',
    body: JSON.stringify(validBody(API_ROUTES.find((r) => r.handler === 'createVolunteer')!)),
  });
  volunteerId = JSON.parse(volunteer.text).id;
  await sys.settled();
});
afterAll(async () => {
  state?.close();
  await sys?.stop();
});

it('answers every hostile request with a 4xx JSON error and keeps serving', async () => {
  await storesNothing(async () => {
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
      send('/api/volunteers/%E0%A4%A/opt-out', { method: 'POST', headers: auth() }),
      send('/%E0%A4%A'),
      send('/api/zones/check?lat=abc&lon=1'),
      send('/api/geocode'),
      send('/api/tips?since=not-a-date', { headers: auth() }),
      send('/api/tips?next=garbage', { headers: auth() }),
      send('/api/nope'),
    ];
    for (const res of await Promise.all(cases)) expect4xx(res);
  });
});

describe('query keys named like built-in object members', () => {
  const KEYS = ['constructor=1', '__proto__=x', 'toString=', 'hasOwnProperty=1'];
  for (const def of API_ROUTES) {
    it(`${def.method} ${def.path}: 400 for ${KEYS.join(', ')}`, async () => {
      await storesNothing(async () => {
        for (const query of KEYS) expect4xx(await request(def, { query }), 400);
      });
    });
  }
});

describe('numbers DynamoDB cannot store', () => {
  it('rounds tiny coordinates and accuracies to storable values', async () => {
    const res = await post('{"text":"tiny numbers","location":{"lat":1e-131,"lon":101.8,"accuracyM":1e-300}}');
    expect(res.status).toBe(201);
    const stored = JSON.parse((await coordinator(`/api/tips/${JSON.parse(res.text).id}`)).text);
    expect(stored.location).toEqual({ lat: 0, lon: 101.8, accuracyM: 0 });
    const near = await post('{"text":"rounding","location":{"lat":6.123456789012,"lon":101.9999999999}}');
    expect(JSON.parse((await coordinator(`/api/tips/${JSON.parse(near.text).id}`)).text).location).toEqual({
      lat: 6.1234568,
      lon: 102,
    });
  });

  it('refuses magnitudes out of range with a 400', async () => {
    await storesNothing(async () => {
      for (const location of [
        '{"lat":1e200,"lon":101}',
        '{"lat":6,"lon":-1e200}',
        '{"lat":6,"lon":101,"accuracyM":1e200}',
        '{"lat":6,"lon":101,"accuracyM":-1e-300}',
      ]) {
        expect4xx(await post(`{"text":"big numbers","location":${location}}`), 400);
      }
      const volunteer = { name: 'Tiny radius', phone: '081 555 0111', location: { lat: 6.43, lon: 101.81 } };
      for (const radiusKm of ['1e-200', '1e200', '-0.1']) {
        const body = JSON.stringify(volunteer).replace(/}$/, `,"radiusKm":${radiusKm}}`);
        expect4xx(await coordinator('/api/volunteers', { method: 'POST', body }), 400);
      }
    });
  });

  it('reads tiny decimals in queries as the rounded coordinate, never a database error', async () => {
    await storesNothing(async () => {
      expect((await send(`/api/zones/check?lat=${TINY_DECIMAL}&lon=101.8`)).status).toBe(200);
      expect(JSON.parse((await send(`/api/geocode?lat=${TINY_DECIMAL}&lon=101.8`)).text).lat).toBe(0);
      expect((await coordinator(`/api/tips?bbox=101,${TINY_DECIMAL},102,7`)).status).toBe(200);
      expect4xx(await coordinator(`/api/tips?bbox=${'9'.repeat(400)},0,1,1`), 400);
    });
  });
});

describe('paging cursors this API did not hand out', () => {
  it('refuses forged and garbled cursors, and a real one outside its time range, with invalid_cursor', async () => {
    await storesNothing(async () => {
      for (const next of FORGED_CURSORS) {
        const res = await coordinator(`/api/tips?next=${encodeURIComponent(next)}`);
        expect4xx(res, 400);
      }
      for (const range of ['since=2030-01-01T00:00:00Z', 'until=2000-01-01T00:00:00Z']) {
        const res = await coordinator(`/api/tips?${range}&next=${OUT_OF_RANGE_CURSOR}`);
        expect4xx(res, 400);
        expect(JSON.parse(res.text).error.code).toBe('invalid_cursor');
      }
    });
  });

  it('still pages with the cursors it hands out', async () => {
    await post(JSON.stringify({ text: 'another tip for paging' }));
    const first = JSON.parse((await coordinator('/api/tips?limit=1')).text);
    expect(first.next).toEqual(expect.any(String));
    const second = await coordinator(`/api/tips?limit=1&next=${first.next}`);
    expect(second.status).toBe(200);
    expect(JSON.parse(second.text).items[0].id).not.toBe(first.items[0].id);
  });

  it('refuses a reversed or unbounded time range with a 400, not a database error', async () => {
    await storesNothing(async () => {
      for (const path of ['/api/tips', '/api/alerts']) {
        expect4xx(await coordinator(`${path}?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z`), 400);
        expect4xx(await coordinator(`${path}?since=9999-12-31T23:59:59.999Z`), 400);
        expect4xx(await coordinator(`${path}?until=0000-01-01T00:00:00Z`), 400);
      }
    });
  });
});

describe('path ids', () => {
  const IDS = [
    'a'.repeat(2049),
    'x'.repeat(129),
    '%ED%A0%80',
    '%00',
    '%F0%9F%98%80',
    'hs-%E0%B8%81',
    '%2F',
    '..%2f..%2f',
    '%zz',
    '%5C..%5C',
    '__proto__',
    'constructor',
  ];
  for (const def of API_ROUTES.filter((r) => r.path.includes('{id}'))) {
    it(`${def.method} ${def.path}: a 400 or 404 for ids too long for a key or with odd characters`, async () => {
      await storesNothing(async () => {
        for (const id of IDS) {
          const res = await request(def, { id });
          expect4xx(res);
          expect([400, 404], `${id.slice(0, 20)}: ${res.status}`).toContain(res.status);
        }
      });
    });
  }
});

describe('text that is not well-formed Unicode', () => {
  const FIELDS: Array<[string, string, (s: string) => string]> = [
    ['POST', '/api/tips', (s) => JSON.stringify({ text: s })],
    ['POST', '/api/tips', (s) => JSON.stringify({ text: 'ok', address: s })],
    ['POST', '/api/tips', (s) => JSON.stringify({ text: 'ok', category: s })],
    ['POST', '/api/tips', (s) => JSON.stringify({ text: 'ok', contact: { phone: `081${s}`, consentToContact: true } })],
    ['POST', '/api/tips', (s) => JSON.stringify({ text: 'ok', [s]: 1 })],
    [
      'POST',
      '/api/volunteers',
      (s) => JSON.stringify({ name: s, phone: '081 555 0112', location: { lat: 6.43, lon: 101.81 } }),
    ],
    [
      'POST',
      '/api/volunteers',
      (s) => JSON.stringify({ name: 'Ok', phone: `081 555 0113${s}`, location: { lat: 6.43, lon: 101.81 } }),
    ],
    ['PATCH', '/api/volunteers/{v}', (s) => JSON.stringify({ name: `x${s}` })],
    ['PATCH', '/api/tips/{t}', (s) => JSON.stringify({ status: 'verified', note: s })],
    ['POST', '/api/opt-out', (s) => JSON.stringify({ phone: `0815550100${s}` })],
  ];
  it('is refused in every string field and key, never stored', async () => {
    await storesNothing(async () => {
      for (const [method, path, body] of FIELDS) {
        for (const text of ILL_FORMED_TEXTS) {
          const res = await coordinator(path.replace('{v}', volunteerId).replace('{t}', tipId), {
            method,
            body: body(text),
          });
          expect4xx(res, 400);
        }
      }
      // Bytes that are not UTF-8 are not text either (they would be stored as U+FFFD).
      const bytes = new Uint8Array([...Buffer.from('{"text":"'), 0xed, 0xa0, 0x80, 0xff, ...Buffer.from('"}')]);
      expect4xx(await send('/api/tips', { method: 'POST', headers: JSON_TYPE, body: bytes }), 400);
      // In a path the UTF-8 of a surrogate is no percent-encoding of text.
      expect4xx(await coordinator('/api/tips/%ED%A0%80'), 400);
    });
    const raw = (await coordinator('/api/tips?limit=1000')).text;
    expect(raw).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
  });
});

describe('text made only of invisible characters', () => {
  const FIELDS: Array<[string, string, (s: string) => string]> = [
    ['POST', '/api/tips', (s) => JSON.stringify({ text: s })],
    ['POST', '/api/tips', (s) => JSON.stringify({ text: 'ok', address: s })],
    [
      'POST',
      '/api/volunteers',
      (s) => JSON.stringify({ name: s, phone: '081 555 0114', location: { lat: 6.43, lon: 101.81 } }),
    ],
    ['PATCH', '/api/volunteers/{v}', (s) => JSON.stringify({ name: s })],
    ['PATCH', '/api/tips/{t}', (s) => JSON.stringify({ status: 'verified', note: s })],
  ];
  it('is refused in tip text, address, names and notes, and as a geocode query', async () => {
    await storesNothing(async () => {
      for (const text of INVISIBLE_TEXTS) {
        for (const [method, path, body] of FIELDS) {
          const res = await coordinator(path.replace('{v}', volunteerId).replace('{t}', tipId), {
            method,
            body: body(text),
          });
          expect4xx(res, 400);
          expect(Object.values(JSON.parse(res.text).error.fields ?? {}).join(' '), JSON.stringify(text)).toMatch(
            /visible|empty/,
          );
        }
        expect4xx(await send(`/api/geocode?q=${encodeURIComponent(text)}`), 400);
      }
    });
  });
});

describe('coordinates in query strings', () => {
  it('are plain decimals: empty, hexadecimal, exponent, Infinity, NaN and padded values are a 400', async () => {
    await storesNothing(async () => {
      for (const value of HOSTILE_DECIMALS) {
        const v = encodeURIComponent(value);
        expect4xx(await send(`/api/zones/check?lat=${v}&lon=101.8`), 400);
        expect4xx(await send(`/api/geocode?lat=6.4&lon=${v}`), 400);
        expect4xx(await coordinator(`/api/tips?bbox=${v},6,102,7`), 400);
      }
      expect4xx(await send('/api/zones/check?lat=&lon='), 400);
      expect4xx(await coordinator('/api/tips?bbox=,,,'), 400);
    });
  });
});

describe('JSON routes called with another content type', () => {
  const FOREIGN: Array<[string, (json: string) => RequestInit]> = [
    ['text/plain', (json) => ({ headers: { 'content-type': 'text/plain' }, body: json })],
    ['a form', (json) => ({ body: new URLSearchParams({ json }) })],
    [
      'multipart',
      (json) => ({
        body: (() => {
          const f = new FormData();
          f.set('json', json);
          return f;
        })(),
      }),
    ],
    ['no type', (json) => ({ body: new TextEncoder().encode(json) })],
  ];
  for (const def of API_ROUTES.filter((r) => r.jsonBody)) {
    it(`${def.method} ${def.path}: 415 for text/plain, forms, multipart and no type`, async () => {
      await storesNothing(async () => {
        for (const [label, init] of FOREIGN) {
          const { headers, body } = init(JSON.stringify(validBody(def)));
          const res = await request(def, { headers: headers as Record<string, string> | undefined, body: body! });
          expect(res.status, label).toBe(415);
        }
      });
    });
  }

  it('a foreign page cannot post a tip: a simple (no-preflight) cross-site form post is a 415', async () => {
    await storesNothing(async () => {
      const res = await send('/api/tips', {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example' },
        body: JSON.stringify({ text: 'posted from another site' }),
      });
      expect(res.status).toBe(415);
    });
  });
});

describe('Idempotency-Key in any case', () => {
  it('treats the same UUID in upper, lower or mixed case as one key: a replay, not a second tip', async () => {
    const key = crypto.randomUUID();
    const body = JSON.stringify({ text: 'one tip, sent three times' });
    const first = await post(body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    await storesNothing(async () => {
      for (const variant of [key.toUpperCase(), ` ${key.slice(0, 18).toUpperCase()}${key.slice(18)} `]) {
        const again = await post(body, { 'idempotency-key': variant });
        expect(again.status).toBe(201);
        expect(JSON.parse(again.text).id).toBe(JSON.parse(first.text).id);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
      }
      expect4xx(await post(JSON.stringify({ text: 'another tip' }), { 'idempotency-key': key.toUpperCase() }), 422);
    });
  });
});

describe('bodies with fields the schema does not name', () => {
  it('are refused on every JSON route, `__proto__` included', async () => {
    await storesNothing(async () => {
      for (const def of API_ROUTES.filter((r) => r.jsonBody)) {
        const json = JSON.stringify(validBody(def));
        for (const extra of ['"extra":1', '"__proto__":{"status":"opted_out"}', '"constructor":{}']) {
          expect4xx(await request(def, { body: json.replace(/}$/, `,${extra}}`) }), 400);
        }
      }
    });
  });
});
