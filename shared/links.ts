/**
 * The web app's deep links, written once: the SMS composer builds them and the web app reads
 * them. Everything after `#` stays in the browser, so no id or token reaches a server log.
 */

/** The link an alert SMS carries to one hotspot: `<base>/#h=<hotspotId>`. */
export function hotspotLink(baseUrl: string, hotspotId: string): string {
  return `${trimBase(baseUrl)}/${hotspotHash(hotspotId)}`;
}

/** The hash part of {@link hotspotLink}. */
export function hotspotHash(hotspotId: string): string {
  return `#h=${encodeURIComponent(hotspotId)}`;
}

/** The link of the one-time SMS that confirms a public opt-out: `<base>/#stop=<token>`. */
export function optOutConfirmLink(baseUrl: string, token: string): string {
  return `${trimBase(baseUrl)}/#stop=${encodeURIComponent(token)}`;
}

/** What a location hash asks for. */
export type DeepLink =
  | { kind: 'hotspot'; hotspotId: string }
  | { kind: 'stop'; token?: string }
  | { kind: 'zone'; lat: number; lon: number }
  | { kind: 'none' };

/** The `key=value&…` pairs of a hash, decoded (the first of a repeated key wins). */
function hashParams(hash: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return '';
      }
    };
    const key = decode(at < 0 ? pair : pair.slice(0, at));
    if (!out.has(key)) out.set(key, at < 0 ? '' : decode(pair.slice(at + 1)));
  }
  return out;
}

/** Reads a location hash (`#h=…`, `#stop`, `#stop=…`, `#z=lat,lon`). */
export function parseDeepLink(hash: string): DeepLink {
  const params = hashParams(hash);
  const hotspotId = params.get('h')?.trim();
  if (hotspotId) return { kind: 'hotspot', hotspotId };
  if (params.has('stop')) {
    const token = params.get('stop')?.trim();
    return token ? { kind: 'stop', token } : { kind: 'stop' };
  }
  const z = params.get('z');
  if (z) {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(z);
    const lat = Number(m?.[1]);
    const lon = Number(m?.[2]);
    if (m && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { kind: 'zone', lat, lon };
  }
  return { kind: 'none' };
}

function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}
