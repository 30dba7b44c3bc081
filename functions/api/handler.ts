import type { Context } from 'aws-lambda';
import { getContext } from '../lib/context.js';
import { logger } from '../lib/logger.js';
import type { ApiEvent, ApiResult } from './http.js';
import { createRouter } from './router.js';
import { ROUTES } from './routes.js';

const route = createRouter(ROUTES);

/** The API Lambda: every route of the HTTP API behind one proxy integration. */
export async function handler(event: ApiEvent, context?: Context): Promise<ApiResult> {
  if (context) logger.addContext(context);
  return route(event, getContext());
}
