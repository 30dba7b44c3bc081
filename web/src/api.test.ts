import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../shared/api/routes.js';
import { ROUTES_USED } from './api.js';

describe('ROUTES_USED', () => {
  it('names only routes of the route table, with their methods', () => {
    const table = new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`));
    const missing = Object.values(ROUTES_USED)
      .map(([method, path]) => `${method} ${path}`)
      .filter((r) => !table.has(r));
    expect(missing).toEqual([]);
  });
});
