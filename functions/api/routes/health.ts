import type { HealthBody } from '../../../shared/api/wire.js';
import type { RouteHandler } from '../router.js';
import { json } from '../http.js';

/** GET /api/health: 200 once the tips table answers and the gazetteer is loaded. */
export const health: RouteHandler = async (_req, ctx) => {
  try {
    await ctx.health.ready();
    const body: HealthBody = { ok: true };
    return json(200, body);
  } catch {
    return json(503, { ok: false, error: { code: 'not_ready', message: 'the system cannot accept tips yet' } });
  }
};
