import { describe, expect, it } from 'vitest';
import { ApiError, request, qs } from './http-client.js';

function fakeFetch(status: number, body: unknown, seen: Array<{ url: string; init: RequestInit }> = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body === undefined ? '' : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
}

describe('request', () => {
  it('posts JSON with the bearer token and returns the parsed body', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const res = await request<{ id: string }>('/api/volunteers', {
      body: { name: 'x' },
      token: 'tok',
      fetchImpl: fakeFetch(201, { id: 'v1' }, seen),
    });
    expect(res).toEqual({ id: 'v1' });
    expect(seen[0].init.method).toBe('POST');
    expect(seen[0].init.body).toBe('{"name":"x"}');
    expect((seen[0].init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('turns the contract error shape into an ApiError with fields', async () => {
    const err = await request('/api/tips', {
      body: {},
      fetchImpl: fakeFetch(400, {
        error: { code: 'invalid', message: 'text is required', fields: { text: 'required' } },
      }),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 400,
      code: 'invalid',
      message: 'text is required',
      fields: { text: 'required' },
    });
  });

  it('reports a network failure as status 0', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(request('/api/hotspots', { fetchImpl: failing })).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
  });

  it('survives a non-JSON error page', async () => {
    const html = (async () => new Response('<html>bad gateway</html>', { status: 502 })) as unknown as typeof fetch;
    await expect(request('/api/hotspots', { fetchImpl: html })).rejects.toMatchObject({
      status: 502,
      code: 'http_error',
    });
  });
});

describe('qs', () => {
  it('encodes values and skips empty ones', () => {
    expect(qs({ lat: 6.4, lon: 101.8, since: '' })).toBe('?lat=6.4&lon=101.8');
    expect(qs({ q: 'ต.บางนาค' })).toBe('?q=%E0%B8%95.%E0%B8%9A%E0%B8%B2%E0%B8%87%E0%B8%99%E0%B8%B2%E0%B8%84');
    expect(qs({})).toBe('');
  });
});
