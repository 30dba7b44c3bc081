/** The device's position as a promise, with the reason when there is none. */
import type { LatLon } from '../../shared/types.js';

export type Position =
  { ok: true; point: LatLon & { accuracyM: number } } | { ok: false; reason: 'denied' | 'unavailable' };

/** Asks once; 15 s is long enough for a cold GPS fix outdoors. */
export function currentPosition(): Promise<Position> {
  if (!('geolocation' in navigator)) return Promise.resolve({ ok: false, reason: 'unavailable' });
  return new Promise((done) =>
    navigator.geolocation.getCurrentPosition(
      (pos) =>
        done({
          ok: true,
          point: {
            lat: Math.round(pos.coords.latitude * 1e5) / 1e5,
            lon: Math.round(pos.coords.longitude * 1e5) / 1e5,
            accuracyM: Math.round(pos.coords.accuracy),
          },
        }),
      (err) => done({ ok: false, reason: err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    ),
  );
}
