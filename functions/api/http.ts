import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import { badRequest, HttpError } from './errors.js';

export type ApiEvent = APIGatewayProxyEvent;
export type ApiResult = APIGatewayProxyResult;

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A JSON response. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** Case-insensitive header lookup (API Gateway keeps the client's casing). */
export function header(event: ApiEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** Maximum accepted request body, bytes: 5000 characters of Thai text is 15 KB in UTF-8. */
const MAX_BODY_BYTES = 64 * 1024;
/** Deepest JSON nesting any route accepts (the deepest body, a tip, has 2 levels). */
const MAX_DEPTH = 8;

/** Whether a string is well-formed UTF-16 (no lone surrogate, which strict JSON parsers reject). */
export function isWellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** Rejects any key or string in a parsed JSON value that is not well-formed, or nesting that is too deep. */
function checkJson(value: unknown, depth = 0): void {
  if (depth > MAX_DEPTH) throw badRequest('body_too_deep', `JSON nesting is limited to ${MAX_DEPTH} levels`);
  if (typeof value === 'string') {
    if (!isWellFormed(value)) throw badRequest('invalid_text', 'the body holds text that is not valid Unicode');
  } else if (Array.isArray(value)) {
    for (const v of value) checkJson(v, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!isWellFormed(k)) throw badRequest('invalid_text', 'the body holds text that is not valid Unicode');
      checkJson(v, depth + 1);
    }
  }
}

/** Whether the request says its body is JSON (`application/json`, any parameters). */
export function isJsonContentType(event: ApiEvent): boolean {
  const type = header(event, 'content-type');
  return type !== undefined && /^application\/json\s*(;|$)/i.test(type.trim());
}

/** Strict UTF-8: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as text; bytes that are not UTF-8 (JSON must be, RFC 8259) are a 400, never replaced and stored. */
function bodyText(event: ApiEvent & { body: string }): string {
  if (!event.isBase64Encoded) return event.body;
  try {
    return UTF8.decode(Buffer.from(event.body, 'base64'));
  } catch {
    throw badRequest('invalid_text', 'the body is not UTF-8 text');
  }
}

/** Parses a JSON body; a missing, oversized, malformed or ill-formed body is a 400. */
export function parseJsonBody(event: ApiEvent): unknown {
  if (!event.body) throw badRequest('missing_body', 'the request needs a JSON body');
  const raw = bodyText(event as ApiEvent & { body: string });
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    throw badRequest('body_too_large', `the body is limited to ${MAX_BODY_BYTES} bytes`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest('invalid_json', 'the body is not valid JSON');
  }
  checkJson(value);
  return value;
}

/** Validates with a zod schema; failures become a 400 naming each bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = Object.create(null);
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '(body)';
    fields[path] ??= issue.message;
  }
  throw badRequest('validation_failed', 'the request has invalid fields', { ...fields });
}

/**
 * The query string as a null-prototype object (`?constructor=1` or `?__proto__=` are plain
 * keys, never inherited members), with every key and value well-formed.
 */
export function queryOf(event: ApiEvent): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(event.queryStringParameters ?? {})) {
    if (v === undefined || v === null) continue;
    if (!isWellFormed(k) || !isWellFormed(v)) throw badRequest('invalid_text', 'the query is not valid Unicode');
    out[k] = v;
  }
  return out;
}

/** A 415 for a JSON route called with another content type. */
export const unsupportedMediaType = () =>
  new HttpError(415, 'unsupported_media_type', 'send the body as JSON with Content-Type: application/json');
