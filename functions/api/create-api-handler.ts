import type { Context } from 'aws-lambda';
import { API_ROUTES } from '../../shared/api/routes.js';
import type { AppContext } from '../composition/context.js';
import type { ApiEvent, ApiResult } from './http.js';
import { ROUTE_HANDLERS } from './route-handlers.js';
import { createRouter } from './router.js';

/** The API Lambda: every route of the route table behind one proxy integration (ADR 0001). */
export function createApiHandler(ctx: AppContext): (event: ApiEvent, context?: Context) => Promise<ApiResult> {
  const route = createRouter(API_ROUTES, ROUTE_HANDLERS);
  return async (event, context) => {
    if (context) ctx.log.addContext?.(context);
    return route(event, ctx);
  };
}
