/**
 * The signed-in coordinator, kept in sessionStorage: gone when the tab closes, never in
 * localStorage or a cookie, so a shared computer does not keep it. Locally it is the bearer
 * token the host printed; in AWS the Cognito ID token, until it expires.
 */

export interface Session {
  token: string;
  /** Who signed in (shown in the bar); `token` locally. */
  user: string;
  /** Epoch ms after which the token is refused; absent for the local token. */
  expiresAt?: number;
}

const KEY = 'phithak.session';

/** The stored session, or null when none, expired, or storage is blocked. */
export function loadSession(storage: Storage = sessionStorage, nowMs = Date.now()): Session | null {
  try {
    const s = JSON.parse(storage.getItem(KEY) ?? 'null') as Session | null;
    if (!s?.token || (s.expiresAt !== undefined && s.expiresAt <= nowMs)) return null;
    return s;
  } catch {
    return null;
  }
}

/** Stores the session; null forgets it. */
export function saveSession(session: Session | null, storage: Storage = sessionStorage): void {
  try {
    if (session) storage.setItem(KEY, JSON.stringify(session));
    else storage.removeItem(KEY);
  } catch {
    // Storage can be disabled (private mode); the session then lasts until reload.
  }
}
