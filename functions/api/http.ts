import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';
import { badRequest } from './errors.js';

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
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}

/** Maximum accepted request body, bytes: 5000 characters of Thai text is 15 KB in UTF-8. */
const MAX_BODY_BYTES = 64 * 1024;

/** Parses a JSON body; a missing, oversized or malformed body is a 400. */
export function parseJsonBody(event: ApiEvent): unknown {
  if (!event.body) throw badRequest('missing_body', 'the request needs a JSON body');
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    throw badRequest('body_too_large', `the body is limited to ${MAX_BODY_BYTES} bytes`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('invalid_json', 'the body is not valid JSON');
  }
}

/** Validates with a zod schema; failures become a 400 naming each bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '(body)';
    fields[path] ??= issue.message;
  }
  throw badRequest('validation_failed', 'the request has invalid fields', fields);
}

/** Query string parameters as a plain object (absent → empty). */
export function query(event: ApiEvent): Record<string, string | undefined> {
  return event.queryStringParameters ?? {};
}
