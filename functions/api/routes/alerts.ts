import { z } from 'zod';
import type { AlertView, Page } from '../../../shared/api/wire.js';
import { ALERT_REASONS, ALERT_STATUSES } from '../../../shared/types.js';
import { json, validate } from '../http.js';
import { IN_ORDER, inOrder, pageSize, timeRange } from '../query-schemas.js';
import type { RouteHandler } from '../router.js';

/** The query of `GET /api/alerts`. */
export const alertsQuery = z
  .object({
    ...timeRange,
    reason: z.enum(ALERT_REASONS).optional(),
    status: z.enum(ALERT_STATUSES).optional(),
    limit: pageSize(1000).optional(),
  })
  .strict()
  .refine(inOrder, IN_ORDER);

/** GET /api/alerts (coordinator): every message sent or attempted, newest first, filtered. */
export const listAlerts: RouteHandler = async ({ query }, ctx) => {
  const q = validate(alertsQuery, query);
  const body: Page<AlertView> = { items: await ctx.alerts.list(q) };
  return json(200, body);
};
