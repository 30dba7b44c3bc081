import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOfBytes, createHttpHost, encodingFor, fileInRoot, toApiEvent } from './http-host.js';

// A web root `dist` and, next to it, a folder whose name starts with the root's name.
const parent = mkdtempSync(join(tmpdir(), 'http-host-'));
const root = join(parent, 'dist');
const sibling = join(parent, 'dist-evil');
const BIG = `console.log(${JSON.stringify('compress me '.repeat(500))});\n`;
mkdirSync(join(root, 'assets'), { recursive: true });
mkdirSync(sibling);
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'assets', 'app.js'), BIG);
writeFileSync(join(root, '..dots'), 'a file whose name starts with two dots');
writeFileSync(join(sibling, 'secret.txt'), 'SECRET next to the root');
symlinkSync(sibling, join(root, 'link'));

describe('fileInRoot', () => {
  it('finds files inside the root, a name starting with dots included', () => {
    expect(fileInRoot(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(fileInRoot(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(fileInRoot(root, '/..dots')).toBe(join(root, '..dots'));
    expect(fileInRoot(root, '/')).toBe(root);
    // An absolute path is read inside the root, never from the file system's root.
    expect(fileInRoot(root, '/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });

  it('refuses every path that resolves outside the root', () => {
    for (const path of [
      '/../dist-evil/secret.txt',
      '../dist-evil/secret.txt',
      '/assets/../../dist-evil/secret.txt',
      '/..',
      '/..\\dist-evil\\secret.txt',
      '/assets\\..\\..\\dist-evil',
      '/index.html\0.js',
      '/link/secret.txt', // a symbolic link out of the root
      '/link',
    ]) {
      expect(fileInRoot(root, path), JSON.stringify(path)).toBeUndefined();
    }
  });
});

describe('encodingFor', () => {
  it('prefers brotli, then gzip, and honours q=0 and *', () => {
    expect(encodingFor('gzip, deflate, br')).toBe('br');
    expect(encodingFor('gzip, deflate')).toBe('gzip');
    expect(encodingFor('BR;q=0.5')).toBe('br');
    expect(encodingFor('br;q=0, gzip')).toBe('gzip');
    expect(encodingFor('br;q=0, gzip;q=0')).toBeUndefined();
    expect(encodingFor('*')).toBe('br');
    expect(encodingFor('*;q=0, gzip')).toBe('gzip');
    expect(encodingFor('identity')).toBeUndefined();
    expect(encodingFor('')).toBeUndefined();
    expect(encodingFor(undefined)).toBeUndefined();
  });
});

describe('toApiEvent and bodyOfBytes', () => {
  const req = (url: string) =>
    Object.assign(Readable.from([]), {
      url,
      method: 'GET',
      httpVersion: '1.1',
      headers: { host: 'local', constructor: 'x' },
      socket: { remoteAddress: '127.0.0.1' },
    }) as unknown as IncomingMessage;

  it('keeps query keys named like object members as plain keys', () => {
    const event = toApiEvent(req('/api/x?constructor=1&__proto__=y&toString=&toString=2'));
    expect(Object.getPrototypeOf(event.queryStringParameters)).toBeNull();
    expect(Object.entries(event.queryStringParameters!)).toEqual([
      ['constructor', '1'],
      ['__proto__', 'y'],
      ['toString', '2'],
    ]);
    expect(event.multiValueQueryStringParameters!.toString).toEqual(['', '2']);
    expect(event.headers.constructor).toBe('x');
  });

  it('hands UTF-8 over as text and other bytes as base64, never as U+FFFD', () => {
    expect(bodyOfBytes(Buffer.from('{"text":"ไทย"}'))).toEqual({ body: '{"text":"ไทย"}', isBase64Encoded: false });
    const bytes = Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0xff, 0x7d]);
    const event = bodyOfBytes(bytes);
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, 'base64')).toEqual(bytes);
    expect(bodyOfBytes(null)).toEqual({ body: null, isBase64Encoded: false });
  });
});

describe('the host over HTTP', () => {
  let server: Server;
  let port: number;
  const seen: APIGatewayProxyEvent[] = [];
  beforeAll(async () => {
    server = createHttpHost({
      webRoot: root,
      api: async (event) => {
        seen.push(event);
        return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: BIG }) };
      },
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(parent, { recursive: true, force: true });
  });

  /** A request with the path exactly as written (fetch would resolve `..` first). */
  const raw = (path: string, headers: Record<string, string> = {}, method = 'GET', body?: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', fail);
      req.end(body);
    });

  it('never serves the sibling folder, however the path is written', async () => {
    for (const path of [
      '/../dist-evil/secret.txt',
      '/..%2fdist-evil%2fsecret.txt',
      '/%2e%2e/dist-evil/secret.txt',
      '/%2e%2e%2fdist-evil%2fsecret.txt',
      '/..%5cdist-evil%5csecret.txt',
      '/..\\dist-evil\\secret.txt',
      '/link/secret.txt',
      '/index.html%00.js',
      '/%252e%252e/dist-evil/secret.txt',
    ]) {
      const res = await raw(path);
      expect(res.body.toString(), path).not.toContain('SECRET');
      expect([200, 400], path).toContain(res.status);
    }
    expect((await raw('/..%2fdist-evil%2fsecret.txt')).status).toBe(400);
    expect((await raw('/..%5cdist-evil%5csecret.txt')).status).toBe(400);
    expect((await raw('/%00')).status).toBe(400);
  });

  it('sends the security headers on files, API answers and errors', async () => {
    for (const path of ['/', '/assets/app.js', '/api/anything', '/..%2f']) {
      const res = await raw(path);
      expect(res.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['x-frame-options'], path).toBe('DENY');
    }
  });

  it('compresses files and API answers with brotli or gzip when the client accepts it', async () => {
    for (const path of ['/assets/app.js', '/api/anything']) {
      const br = await raw(path, { 'accept-encoding': 'gzip, br' });
      expect(br.headers['content-encoding'], path).toBe('br');
      const gzip = await raw(path, { 'accept-encoding': 'br;q=0, gzip' });
      expect(gzip.headers['content-encoding'], path).toBe('gzip');
      const plain = await raw(path);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(brotliDecompressSync(br.body)).toEqual(plain.body);
      expect(gunzipSync(gzip.body)).toEqual(plain.body);
      expect(br.body.length).toBeLessThan(plain.body.length / 5);
    }
    expect((await raw('/assets/app.js')).body.toString()).toBe(BIG);
  });

  it('compresses a file once per version: a rebuilt file is served new, not from the cache', async () => {
    const file = join(root, 'rebuilt.js');
    writeFileSync(file, BIG);
    const first = await raw('/rebuilt.js', { 'accept-encoding': 'br' });
    expect(brotliDecompressSync(first.body).toString()).toBe(BIG);
    expect(Number(first.headers['content-length'])).toBe(first.body.length);
    const again = await raw('/rebuilt.js', { 'accept-encoding': 'br' });
    expect(again.body).toEqual(first.body);
    const changed = BIG.replace('compress me', 'changed now');
    writeFileSync(file, `${changed}// longer\n`);
    const fresh = await raw('/rebuilt.js', { 'accept-encoding': 'br' });
    expect(brotliDecompressSync(fresh.body).toString()).toBe(`${changed}// longer\n`);
  });

  it('passes a body that is not UTF-8 to the API as base64, not as replacement characters', async () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
    await raw('/api/tips', { 'content-type': 'application/json' }, 'POST', bytes);
    const event = seen.at(-1)!;
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, 'base64')).toEqual(bytes);
  });
});
