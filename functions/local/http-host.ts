import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../../shared/web-security-headers.js';
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

function readBody(req: IncomingMessage): Promise<Buffer | null> {
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
      else done(chunks.length ? Buffer.concat(chunks) : null);
    });
    req.on('error', fail);
  });
}

/** Strict UTF-8, to tell text bodies from bytes that are not text. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A request body as API Gateway hands it over: UTF-8 text as it is; anything else base64
 * with `isBase64Encoded` (as for a binary media type), so the API sees the bytes that came
 * rather than U+FFFD replacements it would store as if they were the text sent.
 */
export function bodyOfBytes(bytes: Buffer | null): { body: string | null; isBase64Encoded: boolean } {
  if (!bytes) return { body: null, isBase64Encoded: false };
  try {
    return { body: UTF8.decode(bytes), isBase64Encoded: false };
  } catch {
    return { body: bytes.toString('base64'), isBase64Encoded: true };
  }
}

/**
 * Turns a Node request into the REST API (v1) proxy event that API Gateway would send.
 * Header and query maps have no prototype: `?constructor=1` or `?__proto__=x` are plain keys.
 */
export function toApiEvent(
  req: IncomingMessage,
  raw: { body: string | null; isBase64Encoded: boolean } = { body: null, isBase64Encoded: false },
): APIGatewayProxyEvent {
  const url = new URL(req.url ?? '/', 'http://local');
  const headers: Record<string, string> = Object.create(null);
  const multiValueHeaders: Record<string, string[]> = Object.create(null);
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    headers[k] = values.join(',');
    multiValueHeaders[k] = values;
  }
  const qs: Record<string, string> = Object.create(null);
  const mqs: Record<string, string[]> = Object.create(null);
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
    body: raw.body,
    isBase64Encoded: raw.isBase64Encoded,
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

/** The headers CloudFront adds in AWS (`shared/web-security-headers.ts`); no HSTS over plain local HTTP. */
const SECURITY: OutgoingHttpHeaders = { ...SECURITY_HEADERS, 'content-security-policy': contentSecurityPolicy() };

/** Types worth compressing (text); images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|manifest\+json|javascript))|image\/svg/;
/** Below this a compressed response saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * The encoding to use for an `Accept-Encoding` value: brotli, else gzip, else none. A coding
 * with `q=0` is refused by the client (RFC 9110 §12.5.3), and `*` stands for any not named.
 */
export function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [coding, ...params] = part.split(';').map((p) => p.trim());
    if (!coding) continue;
    const q = params.map((p) => /^q=([\d.]+)$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(coding, q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

/** The compression the host sends (what CloudFront's is closest to). */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
const GZIP = { level: 6 };

/** Sends a body (a buffer or a file stream), compressed when the client and the type allow. */
function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: Buffer | { stream: Readable; size: number },
): void {
  const type = String(headers['content-type'] ?? '');
  const size = Buffer.isBuffer(body) ? body.length : body.size;
  const encoding =
    COMPRESSIBLE.test(type) && size >= MIN_COMPRESS_BYTES
      ? encodingFor(req.headers['accept-encoding']?.toString())
      : undefined;
  // Last, as CloudFront's response headers policy overrides the origin's (`override: true`).
  const out: OutgoingHttpHeaders = { ...headers, vary: 'accept-encoding', ...SECURITY };
  const source = Buffer.isBuffer(body) ? Readable.from([body]) : body.stream;
  // A file that vanishes or cannot be read mid-answer ends this response, never the server.
  const done = (err?: Error | null) => void (err && res.destroy());
  if (!encoding) {
    res.writeHead(status, { ...out, 'content-length': size });
    pipeline(source, res, done);
    return;
  }
  const zip =
    encoding === 'br'
      ? createBrotliCompress({ params: { ...BROTLI.params, [constants.BROTLI_PARAM_SIZE_HINT]: size } })
      : createGzip(GZIP);
  res.writeHead(status, { ...out, 'content-encoding': encoding });
  pipeline(source, zip, res, done);
}

const compressors = {
  br: (b: Buffer) => promisify(brotliCompress)(b, BROTLI),
  gzip: (b: Buffer) => promisify(gzip)(b, GZIP),
};

/**
 * A file compressed once per version and kept, as CloudFront keeps what it compressed:
 * compressing MapLibre on every request would cost the host tens of ms of CPU each time, all
 * while a page waits. Keyed by path, size and modification time, so a rebuilt file is new.
 */
const compressedFiles = new Map<string, Promise<Buffer>>();

function compressedFile(file: string, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const { size, mtimeMs } = statSync(file);
  const key = `${encoding}:${size}:${mtimeMs}:${file}`;
  let body = compressedFiles.get(key);
  if (!body) {
    body = readFile(file).then(compressors[encoding]);
    // A failed read is not kept: the next request tries again.
    body.catch(() => compressedFiles.delete(key));
    compressedFiles.set(key, body);
  }
  return body;
}

/** Sends a file of the web root: compressed from the cache when the client and the type allow, else streamed. */
function sendFile(req: IncomingMessage, res: ServerResponse, headers: OutgoingHttpHeaders, file: string): void {
  const size = statSync(file).size;
  const encoding =
    COMPRESSIBLE.test(String(headers['content-type'] ?? '')) && size >= MIN_COMPRESS_BYTES
      ? encodingFor(req.headers['accept-encoding']?.toString())
      : undefined;
  if (!encoding) {
    send(req, res, 200, headers, { stream: createReadStream(file), size });
    return;
  }
  compressedFile(file, encoding).then(
    (body) => {
      res.writeHead(200, {
        ...headers,
        vary: 'accept-encoding',
        ...SECURITY,
        'content-encoding': encoding,
        'content-length': body.length,
      });
      res.end(body);
    },
    // A file that vanished or cannot be read ends this response, never the server.
    () => res.destroy(),
  );
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  send(
    req,
    res,
    status,
    { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    Buffer.from(JSON.stringify(body)),
  );
}

/** Whether `file` is `root` or inside it (not a sibling such as `dist-evil` next to `dist`). */
function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The file a (percent-decoded) path names inside `root`, or undefined when it could resolve
 * outside: `..` segments past the root, a sibling `dist-x`, an absolute path, a backslash (a
 * separator on Windows), a NUL, or a symbolic link that leads out of the root.
 */
export function fileInRoot(root: string, decodedPath: string): string | undefined {
  if (/[\\\0]/.test(decodedPath)) return undefined;
  const base = resolve(root);
  const file = resolve(base, `.${decodedPath.startsWith('/') ? '' : '/'}${decodedPath}`);
  if (!isInside(base, file)) return undefined;
  let real: { file: string; base: string };
  try {
    real = { file: realpathSync(file), base: realpathSync(base) };
  } catch {
    return file; // nothing there: the caller falls back to index.html
  }
  return isInside(real.base, real.file) ? file : undefined;
}

/** The local runtime configuration the web app reads: a coordinator token, not Cognito. */
const RUNTIME_CONFIG = Buffer.from(JSON.stringify({ authMode: 'token', apiBase: '/api' }));

function serveStatic(webRoot: string, pathname: string, req: IncomingMessage, res: ServerResponse): void {
  const root = resolve(webRoot);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    sendJson(req, res, 400, { error: { code: 'bad_path', message: 'the path is not valid percent-encoding' } });
    return;
  }
  if (decoded === '/runtime-config.json') {
    send(req, res, 200, { 'content-type': TYPES['.json'], 'cache-control': 'no-cache' }, RUNTIME_CONFIG);
    return;
  }
  let file = fileInRoot(root, decoded);
  if (!file) {
    sendJson(req, res, 400, { error: { code: 'bad_path', message: 'bad path' } });
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    send(
      req,
      res,
      503,
      { 'content-type': 'text/plain; charset=utf-8' },
      Buffer.from('The web app is not built: run `npm run build:web`.'),
    );
    return;
  }
  const immutable = !relative(join(root, 'assets'), file).startsWith('..');
  sendFile(
    req,
    res,
    {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
    file,
  );
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
      if (!res.headersSent) sendJson(req, res, 500, { error: { code: 'internal', message: 'something went wrong' } });
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
  if (!pathname.startsWith('/api/') && pathname !== '/api') return serveStatic(opts.webRoot, pathname, req, res);
  let body: Buffer | null;
  try {
    body = await readBody(req);
  } catch {
    return sendJson(req, res, 413, { error: { code: 'payload_too_large', message: 'the request body is too large' } });
  }
  try {
    const result = await opts.api(toApiEvent(req, bodyOfBytes(body)), localLambdaContext('api'));
    const payload = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : Buffer.from(result.body);
    send(req, res, result.statusCode, (result.headers ?? {}) as OutgoingHttpHeaders, payload);
  } catch (err) {
    console.error(`[api] handler threw: ${(err as Error).name}`);
    sendJson(req, res, 500, { error: { code: 'internal', message: 'something went wrong' } });
  }
}
