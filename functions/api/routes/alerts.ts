import { z } from 'zod';
import type { AppContext } from '../../lib/context.js';
import { requireCoordinator } from '../auth.js';
import { json, query, validate, type ApiEvent, type ApiResult } from '../http.js';

const alertsQuery = z.object({ since: z.iso.datetime({ offset: true }).optional() });

/** GET /api/alerts?since= (coordinator): every SMS sent or attempted, newest first. */
export async function listAlerts(event: ApiEvent, ctx: AppContext): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  const { since } = validate(alertsQuery, query(event));
  return json(200, { items: await ctx.alerts.list(since ? new Date(since).toISOString() : undefined) });
}
