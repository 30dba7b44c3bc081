import type { LocalSystem } from './local-system.js';

/** A JSON response as tests read it. */
export interface JsonResponse {
  status: number;
  // Tests assert on the contract's shapes field by field.
  body: any;
}

/**
 * A small JSON client for a running local system: `call` sends a method, path, body (an
 * object, or a raw string to send malformed JSON) and headers; `auth()` is the coordinator header.
 */
export function apiClient(sys: () => LocalSystem) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonResponse> => {
    const res = await fetch(`${sys().url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    call,
    get: (path: string, headers: Record<string, string> = {}) => call('GET', path, undefined, headers),
    post: (path: string, body: unknown, headers: Record<string, string> = {}) => call('POST', path, body, headers),
    auth: () => ({ authorization: `Bearer ${sys().token}` }),
  };
}
