import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../shared/api/routes.js';
import { ROUTE_HANDLERS } from '../../functions/api/route-handlers.js';

describe('the route table', () => {
  it('has a handler for every route, and no handler without a route', () => {
    const used = new Set(API_ROUTES.map((r) => r.handler));
    for (const route of API_ROUTES)
      expect(ROUTE_HANDLERS, `${route.method} ${route.path}`).toHaveProperty(route.handler);
    for (const key of Object.keys(ROUTE_HANDLERS)) expect(used.has(key as never), key).toBe(true);
  });

  it('is the route list of the README, line for line', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const route of API_ROUTES) {
      expect(readme, `${route.method} ${route.path}`).toContain(
        `| \`${route.method} ${route.path}\` | ${route.access} | ${route.summary} |`,
      );
    }
  });
});
