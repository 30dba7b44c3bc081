/**
 * Romanised names of places by TIS-1099 code, from the basemap's `places.json`, so English
 * and Malay readers see "Khok Khian" where the API sends only "โคกเคียน".
 */
import type { BasemapPlaces } from '../basemap-places.js';

const romanised = new Map<string, string>();
let loading: Promise<BasemapPlaces | null> | undefined;

/** Fetches `basemap/places.json` once (the service worker keeps it offline). */
export function loadPlaces(): Promise<BasemapPlaces | null> {
  loading ??= fetch(new URL('basemap/places.json', document.baseURI))
    .then((r) => (r.ok ? (r.json() as Promise<BasemapPlaces>) : null))
    .then((places) => {
      for (const rows of [places?.provinces ?? [], places?.amphoes ?? [], places?.tambons ?? []])
        for (const [code, , en] of rows) romanised.set(code, en);
      return places;
    })
    .catch(() => null);
  return loading;
}

/** The romanised name for a code, when the basemap knows it. */
export function romanisedName(code: string | undefined): string | undefined {
  return code ? romanised.get(code) : undefined;
}
