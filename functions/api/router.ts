import type { AppContext } from '../lib/context.js';
import { logger } from '../lib/logger.js';
import { HttpError } from './errors.js';
import { json, type ApiEvent, type ApiResult } from './http.js';

export type RouteHandler = (event: ApiEvent, ctx: AppContext, params: Record<string, string>) => Promise<ApiResult>;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path with `{name}` parameters, e.g. `/api/volunteers/{id}/opt-out`. */
  path: string;
  handler: RouteHandler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
}

function compile(route: Route): CompiledRoute {
  const pattern = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return { ...route, regex: new RegExp(`^${pattern}$`) };
}

function errorResponse(err: HttpError): ApiResult {
  const { status, code, message, fields } = err;
  return json(status, { error: { code, message, ...(fields ? { fields } : {}) } });
}

/**
 * A tiny router for one Lambda behind API Gateway's proxy integration: matches method
 * and path, maps typed errors to JSON once, and never leaks internals in a 5xx.
 */
export function createRouter(routes: Route[]): (event: ApiEvent, ctx: AppContext) => Promise<ApiResult> {
  const compiled = routes.map(compile);
  return async (event, ctx) => {
    const path = (event.path || '/').replace(/\/+$/, '') || '/';
    const matches = compiled.map((r) => ({ r, m: r.regex.exec(path) })).filter((x) => x.m);
    if (matches.length === 0) return errorResponse(new HttpError(404, 'not_found', `no route ${path}`));
    const hit = matches.find((x) => x.r.method === event.httpMethod);
    if (!hit) {
      const allow = matches.map((x) => x.r.method).join(', ');
      return { ...errorResponse(new HttpError(405, 'method_not_allowed', `use ${allow}`)), headers: { allow } };
    }
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(Object.entries(hit.m!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    } catch {
      return errorResponse(new HttpError(400, 'bad_path', 'the path is not valid percent-encoding'));
    }
    try {
      return await hit.r.handler(event, ctx, params);
    } catch (err) {
      if (err instanceof HttpError) return errorResponse(err);
      logger.error('unhandled error', {
        route: hit.r.path,
        error: err instanceof Error ? err.name : 'unknown',
        detail: err instanceof Error ? err.message : undefined,
      });
      return json(500, { error: { code: 'internal', message: 'something went wrong; the request was not completed' } });
    }
  };
}
