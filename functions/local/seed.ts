import { DEMO_CLUSTERS, DEMO_SCATTERED, DEMO_VOLUNTEERS } from './seed-data.js';

/** A deterministic UUID (version 4 layout) from a small number, for seed idempotency keys. */
function seedKey(n: number): string {
  return `5eed0000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Offsets within about 250 m of a centre, from a fixed sequence (no randomness). */
function jitter(i: number): { dLat: number; dLon: number } {
  const angle = i * 2.399963; // golden angle: spreads points evenly around the centre
  const r = 0.0006 + 0.0004 * (i % 3); // degrees: 65-155 m
  return { dLat: r * Math.sin(angle), dLon: r * Math.cos(angle) };
}

async function call(url: string, token: string, path: string, body: unknown, key?: string): Promise<Response> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`seed ${path} failed: ${res.status} ${await res.text()}`);
  return res;
}

/**
 * Seeds demo volunteers and tips through the public HTTP API, so that demo data takes
 * the same path as real data (validation, geocoding, stream, hotspots, alerts). Runs only
 * on an empty database; returns whether it seeded.
 */
export async function seedDemo(url: string, token: string): Promise<boolean> {
  const existing = await fetch(`${url}/api/tips?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  if (!existing.ok) throw new Error(`seed: cannot read tips (${existing.status})`);
  if (((await existing.json()) as { items: unknown[] }).items.length > 0) return false;
  for (const v of DEMO_VOLUNTEERS) await call(url, token, '/api/volunteers', v);
  let n = 0;
  for (const c of DEMO_CLUSTERS) {
    for (let i = 0; i < c.count; i++) {
      const { dLat, dLon } = jitter(i);
      await call(
        url,
        token,
        '/api/tips',
        {
          text: `${c.text} (${c.place})`,
          category: c.categories[i % c.categories.length],
          channel: i % 2 ? 'app' : 'volunteer',
          location: { lat: +(c.centre.lat + dLat).toFixed(5), lon: +(c.centre.lon + dLon).toFixed(5), accuracyM: 30 },
        },
        seedKey(++n),
      );
    }
  }
  for (const s of DEMO_SCATTERED) {
    await call(
      url,
      token,
      '/api/tips',
      { text: s.text, address: s.address, category: s.category, channel: 'hotline' },
      seedKey(++n),
    );
  }
  return true;
}
