/**
 * The coordinator token lives in sessionStorage: gone when the tab closes, never in
 * localStorage or a cookie, so a shared computer does not keep it.
 */
const KEY = 'phithak.coordinatorToken';

/** The stored token, or '' when none (or when storage is blocked). */
export function loadToken(storage: Storage = sessionStorage): string {
  try {
    return storage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** Stores the token; an empty string forgets it. */
export function saveToken(token: string, storage: Storage = sessionStorage): void {
  try {
    if (token) storage.setItem(KEY, token);
    else storage.removeItem(KEY);
  } catch {
    // Storage can be disabled (private mode); the token then lasts until reload.
  }
}
