import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../lib/context.js';
import { requireCoordinator } from './auth.js';
import { badRequest } from './errors.js';
import { json } from './http.js';
import { createRouter } from './router.js';

const event = (method: string, path: string, headers: Record<string, string> = {}) =>
  ({ httpMethod: method, path, headers, requestContext: {} }) as unknown as APIGatewayProxyEvent;
const ctx = {} as AppContext;

describe('router', () => {
  const route = createRouter([
    { method: 'GET', path: '/api/things/{id}', handler: async (_e, _c, p) => json(200, { id: p.id }) },
    {
      method: 'POST',
      path: '/api/things',
      handler: async () => {
        throw badRequest('nope', 'bad thing', { name: 'required' });
      },
    },
    {
      method: 'GET',
      path: '/api/boom',
      handler: async () => {
        throw new Error('secret internal detail');
      },
    },
  ]);

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
    const bad = await route(event('POST', '/api/things'), ctx);
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({
      error: { code: 'nope', message: 'bad thing', fields: { name: 'required' } },
    });
    const boom = await route(event('GET', '/api/boom'), ctx);
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('secret');
  });
});

describe('requireCoordinator', () => {
  const token = { authMode: 'token' as const, coordinatorToken: 's3cret-token' };
  it('accepts the exact bearer token, case-insensitive scheme', () => {
    expect(() => requireCoordinator(event('GET', '/', { Authorization: 'bearer s3cret-token' }), token)).not.toThrow();
  });
  it('rejects missing, wrong and prefix tokens', () => {
    const cases: Record<string, string>[] = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 'Bearer s3cret' },
      { authorization: 's3cret-token' },
    ];
    for (const h of cases) {
      expect(() => requireCoordinator(event('GET', '/', h), token)).toThrow(/coordinator token/);
    }
  });
  it('rejects everyone when no token is configured', () => {
    expect(() => requireCoordinator(event('GET', '/', { authorization: 'Bearer ' }), { authMode: 'token' })).toThrow();
  });
  it('trusts Cognito claims put on the event by API Gateway', () => {
    const withClaims = {
      ...event('GET', '/'),
      requestContext: { authorizer: { claims: { sub: 'u1' } } },
    } as unknown as APIGatewayProxyEvent;
    expect(() => requireCoordinator(withClaims, { authMode: 'cognito' })).not.toThrow();
    expect(() => requireCoordinator(event('GET', '/'), { authMode: 'cognito' })).toThrow();
  });
});
