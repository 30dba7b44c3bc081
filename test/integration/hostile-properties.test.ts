/**
 * Issue 8, "Every bad input is a 4xx, on every route", as properties: for each route of the
 * route table, requests generated from its own schemas (bodies, queries, path ids, headers),
 * sent over HTTP to the real local system. A hostile request gets a 4xx with the contract's
 * error shape, changes nothing stored anywhere, and the server keeps answering; a valid one
 * at the edges never gets a 5xx, and only valid ones get a 2xx.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_ROUTES, type ApiRouteDef } from '../../shared/api/routes.js';
import { startTestSystem, type LocalSystem } from '../support/local-system.js';
import { routeRequests, type Fixtures, type RouteRequest } from './hostile/route-requests.js';
import { storedState } from './hostile/stored-state.js';

/** Runs per route: 21 routes, so the file stays well under a minute on two cores. */
const HOSTILE_RUNS = 40;
const VALID_RUNS = 10;
const INTEGRATOR_KEY = 'integrator-key-for-hostile-tests';

/** The contract's error body, and nothing else. */
const errorBody = z
  .object({
    error: z
      .object({
        code: z.string().min(1),
        message: z.string().min(1),
        fields: z.record(z.string(), z.string()).optional(),
      })
      .strict(),
  })
  .strict();

let sys: LocalSystem;
let state: ReturnType<typeof storedState>;
let fx: Fixtures;
const createdTips: string[] = [];

beforeAll(async () => {
  sys = await startTestSystem({ config: { integratorKeys: { gateway: INTEGRATOR_KEY } } });
  state = storedState(sys);
  const json = { 'content-type': 'application/json' };
  const tip = await fetch(`${sys.url}/api/tips`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ text: 'fixture tip at the pier', location: { lat: 6.4255, lon: 101.8231 } }),
  });
  const volunteer = await fetch(`${sys.url}/api/volunteers`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${sys.token}` },
    body: JSON.stringify({ name: 'Fixture volunteer', phone: '081 555 0101', location: { lat: 6.43, lon: 101.81 } }),
  });
  expect([tip.status, volunteer.status]).toEqual([201, 201]);
  fx = {
    token: sys.token,
    integratorKey: INTEGRATOR_KEY,
    tipId: ((await tip.json()) as { id: string }).id,
    volunteerId: ((await volunteer.json()) as { id: string }).id,
  };
  // The fixtures' stream work is done before any "nothing changed" comparison starts.
  await sys.settled();
});

afterAll(async () => {
  state?.close();
  await sys?.stop();
});

async function send(req: RouteRequest): Promise<{ status: number; text: string }> {
  const res = await fetch(`${sys.url}${req.url}`, {
    method: req.method,
    headers: req.headers,
    body: req.body as BodyInit | undefined,
  });
  return { status: res.status, text: await res.text() };
}

function expectContractError(res: { status: number; text: string }): void {
  expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  expect(errorBody.safeParse(JSON.parse(res.text)).success, res.text.slice(0, 300)).toBe(true);
}

async function expectHealthy(): Promise<void> {
  const health = await fetch(`${sys.url}/api/health`);
  expect(health.status).toBe(200);
}

/** The tables whose items differ between two reads of the stored state. */
function changedTables(before: string, after: string): string[] {
  if (before === after) return [];
  const items = (s: string) => new Map(JSON.parse(s) as Array<[string, string[]]>);
  const [a, b] = [items(before), items(after)];
  return [...b.keys()].filter((t) => JSON.stringify(a.get(t)) !== JSON.stringify(b.get(t)));
}

/** The first request that changes the stored state when sent again on its own, with the tables it changed. */
async function firstThatStores(sent: RouteRequest[]): Promise<string | undefined> {
  for (const req of sent) {
    const before = await state.read();
    await send(req);
    const changed = changedTables(before, await state.read());
    if (changed.length) return `${req.method} ${req.url.slice(0, 300)} changed ${changed.join(', ')}`;
  }
  return undefined;
}

const name = (def: ApiRouteDef) => `${def.method} ${def.path} (${def.access})`;

describe('hostile requests: a 4xx in the contract shape, nothing stored, the server still up', () => {
  for (const def of API_ROUTES) {
    it(name(def), async () => {
      // One read of everything stored before and after the route's runs (a read costs ~50 ms,
      // a request ~8 ms); if anything changed, the runs are replayed one by one to name the culprit.
      const sent: RouteRequest[] = [];
      const before = await state.read();
      await fc.assert(
        fc.asyncProperty(routeRequests(def, fx, 'hostile'), async (req) => {
          fc.pre(!req.valid);
          sent.push(req);
          const res = await send(req);
          expectContractError(res);
          if (req.expected !== undefined) expect(res.status, res.text.slice(0, 300)).toBe(req.expected);
        }),
        { numRuns: HOSTILE_RUNS },
      );
      const after = await state.read();
      if (after !== before) expect(await firstThatStores(sent), 'a hostile request stored something').toBeUndefined();
      expect(changedTables(before, after), 'tables the hostile requests changed').toEqual([]);
      await expectHealthy();
    });
  }
});

describe('valid requests at the edges: never a 5xx, a 2xx only when the schemas accept the request', () => {
  for (const def of API_ROUTES) {
    it(name(def), async () => {
      await fc.assert(
        fc.asyncProperty(routeRequests(def, fx, 'valid'), async (req) => {
          const res = await send(req);
          expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
          if (res.status < 300) expect(req.valid, `${req.method} ${req.url.slice(0, 200)}`).toBe(true);
          else expectContractError(res);
          if (def.handler === 'createTip' && res.status === 201) createdTips.push(JSON.parse(res.text).id);
        }),
        { numRuns: VALID_RUNS },
      );
      await expectHealthy();
    });
  }

  it('stored what it accepted in a form every strict reader can read back', async () => {
    await sys.settled(30_000);
    const auth = { authorization: `Bearer ${sys.token}` };
    const list = await fetch(`${sys.url}/api/tips?limit=1000`, { headers: auth });
    const raw = await list.text();
    // JSON.stringify writes a lone surrogate as \udXXX, which strict parsers refuse.
    expect(raw).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i);
    const items = (
      JSON.parse(raw) as { items: Array<{ id: string; text: string; location?: { lat: number; lon: number } }> }
    ).items;
    expect(createdTips.length).toBeGreaterThan(0);
    for (const id of createdTips) {
      const tip = items.find((t) => t.id === id);
      expect(tip, id).toBeDefined();
      expect(tip!.text.trim()).toBe(tip!.text);
      for (const degrees of [tip!.location?.lat, tip!.location?.lon].filter((v) => v !== undefined)) {
        expect(Math.round(degrees! * 1e7) / 1e7).toBe(degrees);
      }
    }
    expect(sys.deadLetters.letters).toEqual([]);
    await expectHealthy();
  });
});
