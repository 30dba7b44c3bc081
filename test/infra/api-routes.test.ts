import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/api/routes.js';
import { API_ROUTES } from '../../infra/api-routes.js';

describe('API Gateway routes', () => {
  it('are exactly the routes the API handler serves', () => {
    // A handler route missing here would answer 404 in AWS while working locally.
    const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
    expect(API_ROUTES.map(key).sort()).toEqual(ROUTES.map(key).sort());
  });
});
