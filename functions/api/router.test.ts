import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ApiRouteDef } from '../../shared/api/routes.js';
import { ConflictError } from '../../shared/core/errors.js';
import { MemoryLog } from '../../shared/core/in-memory/memory-ports.js';
import type { AppContext } from '../composition/context.js';
import { authenticate, secretsEqual } from './auth.js';
import { badRequest } from './errors.js';
import { json } from './http.js';
import { createRouter } from './router.js';

const event = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  ({ httpMethod: method, path, headers, requestContext: {}, body: body ?? null }) as unknown as APIGatewayProxyEvent;
const token = { authMode: 'token' as const, coordinatorToken: 's3cret-token', coordinatorGroup: 'coordinators' };
const ctx = { config: token, log: new MemoryLog() } as unknown as AppContext;
const def = (over: Partial<ApiRouteDef>): ApiRouteDef => ({
  method: 'GET',
  path: '/api/x',
  access: 'public',
  handler: 'health',
  summary: '',
  ...over,
});

describe('router', () => {
  const route = createRouter(
    [
      def({ method: 'GET', path: '/api/things/{id}', handler: 'getTip' }),
      def({ method: 'POST', path: '/api/things', handler: 'createTip', jsonBody: true }),
      def({ method: 'GET', path: '/api/boom', handler: 'health' }),
      def({ method: 'GET', path: '/api/secret', handler: 'listTips', access: 'coordinator' }),
      def({ method: 'PATCH', path: '/api/race', handler: 'patchVolunteer' }),
    ],
    {
      getTip: async ({ params }) => json(200, { id: params.id }),
      createTip: async () => {
        throw badRequest('nope', 'bad thing', { name: 'required' });
      },
      health: async () => {
        throw new Error('secret internal detail');
      },
      listTips: async ({ principal }) => json(200, principal),
      patchVolunteer: async () => {
        throw new ConflictError('changed by someone else');
      },
    },
  );

  it('matches path parameters, decoded', async () => {
    const res = await route(event('GET', '/api/things/a%20b/'), ctx);
    expect(JSON.parse(res.body)).toEqual({ id: 'a b' });
  });

  it('answers 404 for unknown paths and 405 with Allow for known paths', async () => {
    expect((await route(event('GET', '/api/nothing'), ctx)).statusCode).toBe(404);
    const res = await route(event('DELETE', '/api/things'), ctx);
    expect(res.statusCode).toBe(405);
    expect(res.headers?.allow).toBe('POST');
  });

  it('maps typed errors to JSON with fields, and hides internals behind a 500', async () => {
    const bad = await route(event('POST', '/api/things', { 'content-type': 'application/json' }, '{}'), ctx);
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({
      error: { code: 'nope', message: 'bad thing', fields: { name: 'required' } },
    });
    const boom = await route(event('GET', '/api/boom'), ctx);
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('secret');
    expect((await route(event('PATCH', '/api/race'), ctx)).statusCode).toBe(409);
  });

  it('refuses a JSON route called with another content type (415), before the handler', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await route(event('POST', '/api/things', { 'content-type': type }, '{}'), ctx);
      expect(res.statusCode, type).toBe(415);
    }
    expect((await route(event('POST', '/api/things', {}, '{}'), ctx)).statusCode).toBe(415);
  });

  it('enforces coordinator access itself, so no handler can forget it', async () => {
    expect((await route(event('GET', '/api/secret'), ctx)).statusCode).toBe(401);
    const ok = await route(event('GET', '/api/secret', { authorization: 'Bearer s3cret-token' }), ctx);
    expect(JSON.parse(ok.body)).toEqual({ kind: 'coordinator', id: 'token' });
  });

  it('answers 404 for a path id longer than any id we hand out, never a database error', async () => {
    expect((await route(event('GET', `/api/things/${'x'.repeat(3000)}`), ctx)).statusCode).toBe(404);
    expect((await route(event('GET', '/api/things/%ED%A0%80'), ctx)).statusCode).toBe(400);
  });
});

describe('authenticate', () => {
  it('accepts the exact bearer token, case-insensitive scheme', () => {
    expect(authenticate(event('GET', '/', { Authorization: 'bearer s3cret-token' }), 'coordinator', token)).toEqual({
      kind: 'coordinator',
      id: 'token',
    });
  });
  it('rejects missing, wrong and prefix tokens', () => {
    const cases: Record<string, string>[] = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 'Bearer s3cret' },
      { authorization: 's3cret-token' },
    ];
    for (const h of cases) {
      expect(() => authenticate(event('GET', '/', h), 'coordinator', token)).toThrow(/coordinator token/);
    }
  });
  it('rejects everyone when no token is configured', () => {
    expect(() =>
      authenticate(event('GET', '/', { authorization: 'Bearer ' }), 'coordinator', {
        ...token,
        coordinatorToken: undefined,
      }),
    ).toThrow();
  });
  it('compares secrets without leaking their length (equal-length digests)', () => {
    expect(secretsEqual('s3cret-token', 's3cret-token')).toBe(true);
    expect(secretsEqual('s3cret', 's3cret-token')).toBe(false);
    expect(secretsEqual('x'.repeat(10_000), 's3cret-token')).toBe(false);
  });
  it('trusts Cognito claims only for members of the coordinators group', () => {
    const cognito = { ...token, authMode: 'cognito' as const };
    const withClaims = (claims: Record<string, unknown>) =>
      ({ ...event('GET', '/'), requestContext: { authorizer: { claims } } }) as unknown as APIGatewayProxyEvent;
    expect(
      authenticate(
        withClaims({ sub: 'u1', 'cognito:username': 'somchai', 'cognito:groups': 'coordinators' }),
        'coordinator',
        cognito,
      ),
    ).toEqual({ kind: 'coordinator', id: 'somchai' });
    expect(() => authenticate(withClaims({ sub: 'u1' }), 'coordinator', cognito)).toThrow(/coordinators/);
    expect(() =>
      authenticate(withClaims({ sub: 'u1', 'cognito:groups': '[viewers]' }), 'coordinator', cognito),
    ).toThrow();
    expect(() => authenticate(event('GET', '/'), 'coordinator', cognito)).toThrow();
  });
});
