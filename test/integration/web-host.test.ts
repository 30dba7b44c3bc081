/**
 * The local host as a browser meets it, in place of CloudFront: the built web app and the API
 * on one port, the same security headers on both, compression when the client accepts it, and
 * no path that leads out of the web root.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../functions/local/paths.js';
import { startTestSystem, type LocalSystem } from '../support/local-system.js';

let sys: LocalSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => {
  await sys?.stop();
});

const dist = join(repoRoot, 'web', 'dist');

/** A request with the path exactly as written (fetch would resolve `..` first), the body as bytes. */
function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { port } = new URL(sys.url);
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', fail);
    req.end(init.body);
  });
}

/** The largest script of the build: certainly worth compressing. */
function largestAsset(): string {
  const files = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  return files.sort(
    (a, b) => readFileSync(join(dist, 'assets', b)).length - readFileSync(join(dist, 'assets', a)).length,
  )[0];
}

describe('security headers, as CloudFront sends them', () => {
  it('are on the app, its files, and every kind of API answer', async () => {
    const answers = [
      await raw('/'),
      await raw('/coordinator'),
      await raw(`/assets/${largestAsset()}`),
      await raw('/api/health'),
      await raw('/api/nope'),
      await raw('/api/tips', { method: 'DELETE' }),
      await raw('/api/tips', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }),
      await raw('/api/tips', { headers: { authorization: 'Bearer wrong' } }),
      await raw('/..%2f..%2fpackage.json'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 404, 405, 415, 401, 400]);
    for (const { headers } of answers) {
      expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
    }
  });
});

describe('compression', () => {
  it('serves brotli or gzip of exactly the file when the client accepts it, and the file itself otherwise', async () => {
    const path = `/assets/${largestAsset()}`;
    const file = readFileSync(join(dist, path));
    const br = await raw(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gzip = await raw(path, { headers: { 'accept-encoding': 'gzip' } });
    const plain = await raw(path);
    expect([
      br.headers['content-encoding'],
      gzip.headers['content-encoding'],
      plain.headers['content-encoding'],
    ]).toEqual(['br', 'gzip', undefined]);
    // Buffer#equals: a deep toEqual of a megabyte takes seconds.
    expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
    expect(gunzipSync(gzip.body).equals(file)).toBe(true);
    expect(plain.body.equals(file)).toBe(true);
    expect(br.body.length).toBeLessThan(file.length / 2);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
  });

  it('compresses API answers too', async () => {
    // Enough tips to make the coordinator list larger than the compression threshold.
    for (let i = 0; i < 8; i++) {
      await fetch(`${sys.url}/api/tips`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `a tip long enough to be worth compressing, number ${i}`.repeat(4) }),
      });
    }
    const auth = { authorization: `Bearer ${sys.token}` };
    const br = await raw('/api/tips', { headers: { ...auth, 'accept-encoding': 'br' } });
    const plain = await raw('/api/tips', { headers: auth });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString()).items).toHaveLength(8);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).items).toHaveLength(8);
  });
});

describe('paths out of the web root', () => {
  const packageJson = readFileSync(join(repoRoot, 'package.json'), 'utf8');
  it('never serve a file outside web/dist, however they are written', async () => {
    for (const path of [
      '/../package.json',
      '/../../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/..\\..\\package.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%252e%252e/%252e%252e/package.json',
      '/package.json%00',
      '/index.html%00.js',
    ]) {
      const res = await raw(path);
      expect(res.body.toString(), path).not.toContain('"name": "phithak"');
      expect(res.body.toString(), path).not.toBe(packageJson);
      // Refused (400), or read inside the root, where there is no such file (the app's index.html).
      expect([200, 400], path).toContain(res.status);
      if (res.status === 200) expect(res.headers['content-type'], path).toMatch(/text\/html/);
    }
    expect((await raw('/api/health')).status).toBe(200);
  });
});
