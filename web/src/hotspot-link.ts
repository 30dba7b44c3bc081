/**
 * Deep links to one hotspot. Alert SMS carry `<PUBLIC_BASE_URL>/#h=<hotspotId>`; the fragment
 * never reaches a server log, and the app focuses that hotspot once it is loaded.
 */

/** The hotspot id in a location hash such as `#h=hs-1a7d8655d`, or undefined. */
export function hotspotIdFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('h')?.trim();
  return id ? id : undefined;
}

/** The hash that links to `hotspotId`. */
export function hashForHotspot(hotspotId: string): string {
  return `#h=${encodeURIComponent(hotspotId)}`;
}
