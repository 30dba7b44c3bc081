/** Who may call a route: anyone (rate-limited), or a signed-in coordinator. */
export type RouteAccess = 'public' | 'coordinator';

/** One method on one API Gateway resource; the Lambda routes internally. */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  access: RouteAccess;
  /** Tighter per-method throttle (requests per second, burst) for abuse-prone routes. */
  throttle?: { rateLimit: number; burstLimit: number };
  /** Query parameters API Gateway requires before invoking the function. */
  requiredQuery?: string[];
  /** JSON body schema API Gateway checks first (`tip`: a tip needs its text). */
  bodyModel?: 'tip';
}

/** Every route of the HTTP API (docs/contract.md), with its access level. */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/health', access: 'public' },
  // Anonymous tip intake: the route most worth flooding, so it gets its own small budget.
  {
    method: 'POST',
    path: '/api/tips',
    access: 'public',
    throttle: { rateLimit: 10, burstLimit: 20 },
    bodyModel: 'tip',
  },
  { method: 'GET', path: '/api/tips', access: 'coordinator' },
  { method: 'PATCH', path: '/api/tips/{id}', access: 'coordinator' },
  { method: 'GET', path: '/api/hotspots', access: 'public' },
  { method: 'GET', path: '/api/zones/check', access: 'public', requiredQuery: ['lat', 'lon'] },
  { method: 'GET', path: '/api/geocode', access: 'public', throttle: { rateLimit: 20, burstLimit: 40 } },
  { method: 'GET', path: '/api/volunteers', access: 'coordinator' },
  { method: 'POST', path: '/api/volunteers', access: 'coordinator' },
  { method: 'GET', path: '/api/volunteers/{id}', access: 'coordinator' },
  { method: 'PATCH', path: '/api/volunteers/{id}', access: 'coordinator' },
  { method: 'POST', path: '/api/volunteers/{id}/opt-out', access: 'coordinator' },
  { method: 'POST', path: '/api/volunteers/{id}/test-alert', access: 'coordinator' },
  { method: 'GET', path: '/api/alerts', access: 'coordinator' },
  // Public opt-out (SMS STOP may never arrive): anonymous, so a small budget against floods.
  { method: 'POST', path: '/api/opt-out', access: 'public', throttle: { rateLimit: 5, burstLimit: 10 } },
];
