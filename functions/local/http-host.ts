import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { localLambdaContext } from './lambda-context.js';

export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** API Gateway's payload limit is 10 MB; the API itself accepts 64 KB bodies. */
const MAX_BODY_BYTES = 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is drained and dropped, so the 413 still reaches the client.
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) fail(new Error('payload too large'));
      else done(chunks.length ? Buffer.concat(chunks).toString('utf8') : null);
    });
    req.on('error', fail);
  });
}

/** Turns a Node request into the REST API (v1) proxy event that API Gateway would send. */
export function toApiEvent(req: IncomingMessage, body: string | null): APIGatewayProxyEvent {
  const url = new URL(req.url ?? '/', 'http://local');
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    headers[k] = values.join(',');
    multiValueHeaders[k] = values;
  }
  const qs: Record<string, string> = {};
  const mqs: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) {
    qs[k] = v;
    (mqs[k] ??= []).push(v);
  }
  const hasQs = Object.keys(qs).length > 0;
  return {
    resource: url.pathname,
    path: url.pathname,
    httpMethod: req.method ?? 'GET',
    headers,
    multiValueHeaders,
    queryStringParameters: hasQs ? qs : null,
    multiValueQueryStringParameters: hasQs ? mqs : null,
    pathParameters: null,
    stageVariables: null,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: null,
      httpMethod: req.method ?? 'GET',
      path: url.pathname,
      protocol: `HTTP/${req.httpVersion}`,
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath: url.pathname,
      stage: 'local',
      identity: {
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: req.headers['user-agent'] ?? null,
      } as APIGatewayProxyEvent['requestContext']['identity'],
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function serveStatic(webRoot: string, pathname: string, res: ServerResponse): void {
  const root = resolve(webRoot);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendJson(res, 400, { error: { code: 'bad_path', message: 'the path is not valid percent-encoding' } });
  }
  let file = normalize(join(root, decoded));
  if (!file.startsWith(root)) return sendJson(res, 400, { error: { code: 'bad_path', message: 'bad path' } });
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('The web app is not built: run `npm run build:web`.');
  }
  const immutable = file.includes(`${join(root, 'assets')}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(res);
}

/**
 * The local stand-in for API Gateway + CloudFront: `/api/*` becomes a proxy event for the
 * API handler, everything else is the built web app (single-page fallback to index.html).
 */
export function createHttpHost(opts: { api: ApiHandler; webRoot: string }): Server {
  return createServer((req, res) => {
    // Nothing a client sends may stop the server: every failure ends as a response.
    handle(opts, req, res).catch((err: Error) => {
      console.error(`[http] request failed: ${err.name}`);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: 'something went wrong' } });
      else res.destroy();
    });
  });
}

async function handle(
  opts: { api: ApiHandler; webRoot: string },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'http://local').pathname;
  if (!pathname.startsWith('/api/') && pathname !== '/api') return serveStatic(opts.webRoot, pathname, res);
  let body: string | null;
  try {
    body = await readBody(req);
  } catch {
    return sendJson(res, 413, { error: { code: 'payload_too_large', message: 'the request body is too large' } });
  }
  try {
    const result = await opts.api(toApiEvent(req, body), localLambdaContext('api'));
    res.writeHead(result.statusCode, (result.headers ?? {}) as Record<string, string>);
    res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
  } catch (err) {
    console.error(`[api] handler threw: ${(err as Error).name}`);
    sendJson(res, 500, { error: { code: 'internal', message: 'something went wrong' } });
  }
}
