import { z } from 'zod';
import type { AlertView, Page } from '../../../shared/api/wire.js';
import { ALERT_REASONS, ALERT_STATUSES } from '../../../shared/types.js';
import { json, validate } from '../http.js';
import { isoTime, pageSize } from '../query-schemas.js';
import type { RouteHandler } from '../router.js';

const alertsQuery = z
  .object({
    since: isoTime.optional(),
    until: isoTime.optional(),
    reason: z.enum(ALERT_REASONS).optional(),
    status: z.enum(ALERT_STATUSES).optional(),
    limit: pageSize(1000).optional(),
  })
  .strict();

/** GET /api/alerts (coordinator): every message sent or attempted, newest first, filtered. */
export const listAlerts: RouteHandler = async ({ query }, ctx) => {
  const q = validate(alertsQuery, query);
  const body: Page<AlertView> = { items: await ctx.alerts.list(q) };
  return json(200, body);
};
