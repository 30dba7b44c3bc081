/**
 * The API's one router (ADR 0001): reads the route table (`shared/api/routes.ts`), and before
 * any handler runs enforces what every route needs: its access level, a JSON content type for
 * JSON routes, well-formed path and query text. Errors of the core are mapped to HTTP here,
 * once, and a 5xx never leaks internals.
 */
import type { ApiRouteDef, RouteHandlerKey } from '../../shared/api/routes.js';
import {
  ConflictError,
  IdempotencyKeyReusedError,
  InvalidCursorError,
  NotFoundError,
  RateLimitedError,
  RejectedInputError,
} from '../../shared/core/errors.js';
import type { AppContext } from '../composition/context.js';
import { authenticate, type Principal } from './auth.js';
import { HttpError } from './errors.js';
import {
  isJsonContentType,
  isWellFormed,
  json,
  queryOf,
  unsupportedMediaType,
  type ApiEvent,
  type ApiResult,
} from './http.js';

/** What a handler is given: the event, decoded path parameters, the caller, the query. */
export interface ApiRequest {
  event: ApiEvent;
  params: Record<string, string>;
  principal: Principal;
  /** Query parameters, null-prototype, well-formed. */
  query: Record<string, string>;
}

export type RouteHandler = (req: ApiRequest, ctx: AppContext) => Promise<ApiResult>;

/** Every handler of the route table, by key. */
export type RouteHandlers = Record<RouteHandlerKey, RouteHandler>;

interface CompiledRoute {
  def: ApiRouteDef;
  regex: RegExp;
}

/** Longest path parameter accepted; ids are UUIDs or `hs-` + 28 hex characters. */
const MAX_PARAM_LENGTH = 128;

function compile(def: ApiRouteDef): CompiledRoute {
  const pattern = def.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return { def, regex: new RegExp(`^${pattern}$`) };
}

function errorResponse(err: HttpError): ApiResult {
  const { status, code, message, fields } = err;
  return json(status, { error: { code, message, ...(fields ? { fields } : {}) } });
}

/** The core's typed errors as HTTP errors; anything else is a 500. */
function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (err instanceof NotFoundError) return new HttpError(404, 'not_found', err.message);
  if (err instanceof ConflictError) return new HttpError(409, 'conflict', err.message);
  if (err instanceof InvalidCursorError) return new HttpError(400, 'invalid_cursor', err.message);
  if (err instanceof RejectedInputError) return new HttpError(400, 'rejected', err.message, err.fields);
  if (err instanceof IdempotencyKeyReusedError) return new HttpError(422, 'idempotency_key_reused', err.message);
  if (err instanceof RateLimitedError) return new HttpError(429, 'rate_limited', err.message);
  return undefined;
}

function decodeParams(groups: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(groups ?? {})) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(v);
    } catch {
      throw new HttpError(400, 'bad_path', 'the path is not valid percent-encoding');
    }
    // Longer than any id we hand out, or not text at all: no such resource (never a database error).
    if (!isWellFormed(decoded) || decoded.length > MAX_PARAM_LENGTH)
      throw new HttpError(404, 'not_found', 'no such resource');
    out[k] = decoded;
  }
  return out;
}

/** Builds the router for a route table and its handlers. */
export function createRouter(
  routes: readonly ApiRouteDef[],
  handlers: Partial<RouteHandlers>,
): (event: ApiEvent, ctx: AppContext) => Promise<ApiResult> {
  const compiled = routes.map(compile);
  return async (event, ctx) => {
    const path = (event.path || '/').replace(/\/+$/, '') || '/';
    const matches = compiled.map((r) => ({ r, m: r.regex.exec(path) })).filter((x) => x.m);
    if (matches.length === 0) return errorResponse(new HttpError(404, 'not_found', `no route ${path.slice(0, 200)}`));
    const hit = matches.find((x) => x.r.def.method === event.httpMethod);
    if (!hit) {
      const allow = matches.map((x) => x.r.def.method).join(', ');
      return { ...errorResponse(new HttpError(405, 'method_not_allowed', `use ${allow}`)), headers: { allow } };
    }
    const { def } = hit.r;
    try {
      const params = decodeParams(hit.m!.groups);
      const principal = authenticate(event, def.access, ctx.config);
      if (def.jsonBody && !isJsonContentType(event)) throw unsupportedMediaType();
      const handler = handlers[def.handler];
      if (!handler) throw new HttpError(404, 'not_found', `no route ${path}`);
      return await handler({ event, params, principal, query: queryOf(event) }, ctx);
    } catch (err) {
      const httpError = toHttpError(err);
      if (httpError) return errorResponse(httpError);
      ctx.log.error('unhandled error', {
        route: def.path,
        error: err instanceof Error ? err.name : 'unknown',
        detail: err instanceof Error ? err.message : undefined,
      });
      return json(500, { error: { code: 'internal', message: 'something went wrong; the request was not completed' } });
    }
  };
}
