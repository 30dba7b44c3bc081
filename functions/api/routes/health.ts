import type { HealthBody } from '../../../shared/api/wire.js';
import type { RouteHandler } from '../router.js';
import { json, validate } from '../http.js';
import { noQuery } from '../query-schemas.js';

/** GET /api/health: 200 once the tips table answers and the gazetteer is loaded. */
export const health: RouteHandler = async ({ query }, ctx) => {
  validate(noQuery, query);
  try {
    await ctx.health.ready();
    const body: HealthBody = { ok: true };
    return json(200, body);
  } catch {
    return json(503, { ok: false, error: { code: 'not_ready', message: 'the system cannot accept tips yet' } });
  }
};
