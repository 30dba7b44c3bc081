/**
 * Every HTTP route, declared once. Read by the API router (which enforces `access` itself, so
 * no handler can forget it), by the CDK API construct (resources, authorizers, API keys,
 * throttles, request validation) and by the README's route list (a test keeps it in step).
 */

/** Who may call a route. */
export type RouteAccess =
  /** Anyone; rate-limited at the edge. */
  | 'public'
  /** A signed-in coordinator: the local bearer token, or a Cognito user in the `coordinators` group. */
  | 'coordinator'
  /** A trusted integrator (SMS gateway, hotline system) with its own API key and usage plan. */
  | 'integrator';

/** The handler a route runs; the API maps each key to one function. */
export type RouteHandlerKey =
  | 'health'
  | 'createTip'
  | 'listTips'
  | 'getTip'
  | 'tipAudit'
  | 'setTipStatus'
  | 'listHotspots'
  | 'hotspotLink'
  | 'coordinatorHotspots'
  | 'checkZone'
  | 'geocode'
  | 'createVolunteer'
  | 'listVolunteers'
  | 'getVolunteer'
  | 'patchVolunteer'
  | 'optOutVolunteer'
  | 'testAlert'
  | 'listAlerts'
  | 'publicOptOut'
  | 'confirmOptOut';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One route of the HTTP API. */
export interface ApiRouteDef {
  method: HttpMethod;
  /** Path with `{name}` parameters, e.g. `/api/volunteers/{id}/opt-out`. */
  path: string;
  access: RouteAccess;
  handler: RouteHandlerKey;
  /** The route reads a JSON body: any other `Content-Type` is a 415. */
  jsonBody?: boolean;
  /** A tighter per-method throttle at the edge (requests per second, burst) for abuse-prone routes. */
  throttle?: { rateLimit: number; burstLimit: number };
  /** Query parameters API Gateway requires before invoking the function. */
  requiredQuery?: readonly string[];
  /** JSON body schema API Gateway checks first (`tip`: a tip needs its text). */
  bodyModel?: 'tip';
  /** One line for the README's route list. */
  summary: string;
}

/** Every route of the contract (`../shared/docs/contract.md`) and the web app's extras. */
export const API_ROUTES: readonly ApiRouteDef[] = [
  {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    handler: 'health',
    throttle: { rateLimit: 20, burstLimit: 40 },
    summary: '`{"ok": true}` once tips can be accepted',
  },
  // Anonymous tip intake: the route most worth flooding, so it gets its own small budget.
  {
    method: 'POST',
    path: '/api/tips',
    access: 'public',
    handler: 'createTip',
    jsonBody: true,
    throttle: { rateLimit: 10, burstLimit: 20 },
    bodyModel: 'tip',
    summary: 'store a tip (`Idempotency-Key` honoured) → `201 {id, reference, receivedAt, geocode}`',
  },
  // Trusted integrators post tips with their API key: one gateway is not one person.
  {
    method: 'POST',
    path: '/api/integrations/tips',
    access: 'integrator',
    handler: 'createTip',
    jsonBody: true,
    bodyModel: 'tip',
    summary: 'the same intake for an SMS gateway or hotline system, with its own API key and quota',
  },
  {
    method: 'GET',
    path: '/api/tips',
    access: 'coordinator',
    handler: 'listTips',
    summary: 'tips newest first, filtered and paged; no contact data',
  },
  {
    method: 'GET',
    path: '/api/tips/{id}',
    access: 'coordinator',
    handler: 'getTip',
    summary: 'one tip with its detail, contact decrypted; writes an audit record',
  },
  {
    method: 'GET',
    path: '/api/tips/{id}/audit',
    access: 'coordinator',
    handler: 'tipAudit',
    summary: 'who read that tip, and when',
  },
  {
    method: 'PATCH',
    path: '/api/tips/{id}',
    access: 'coordinator',
    handler: 'setTipStatus',
    jsonBody: true,
    summary: 'review status (`new`, `verified`, `referred`, `dismissed`) with a note',
  },
  {
    method: 'GET',
    path: '/api/hotspots',
    access: 'public',
    handler: 'listHotspots',
    throttle: { rateLimit: 20, burstLimit: 40 },
    summary: 'the published public snapshot: GeoJSON polygons on the grid, times to the day',
  },
  {
    method: 'GET',
    path: '/api/hotspots/{id}',
    access: 'public',
    handler: 'hotspotLink',
    throttle: { rateLimit: 20, burstLimit: 40 },
    summary: 'where an SMS link leads: the hotspot, its successor, or "ended"',
  },
  {
    method: 'GET',
    path: '/api/coordinator/hotspots',
    access: 'coordinator',
    handler: 'coordinatorHotspots',
    summary: 'live hotspots at full precision, with Gi*, trend and history',
  },
  {
    method: 'GET',
    path: '/api/zones/check',
    access: 'public',
    handler: 'checkZone',
    throttle: { rateLimit: 20, burstLimit: 40 },
    requiredQuery: ['lat', 'lon'],
    summary: 'inside a risk zone of the snapshot? nearest hotspot km, tambon/amphoe',
  },
  {
    method: 'GET',
    path: '/api/geocode',
    access: 'public',
    handler: 'geocode',
    throttle: { rateLimit: 20, burstLimit: 40 },
    summary: 'geocode result for `?q=` or `?lat=&lon=`',
  },
  {
    method: 'POST',
    path: '/api/opt-out',
    access: 'public',
    handler: 'publicOptOut',
    jsonBody: true,
    throttle: { rateLimit: 5, burstLimit: 10 },
    summary: 'ask to stop SMS to a number: always `202` in the same time; the owner confirms by a one-time SMS link',
  },
  {
    method: 'POST',
    path: '/api/opt-out/confirm',
    access: 'public',
    handler: 'confirmOptOut',
    jsonBody: true,
    throttle: { rateLimit: 5, burstLimit: 10 },
    summary: 'the one-time link from that SMS: the number receives no further alerts',
  },
  {
    method: 'POST',
    path: '/api/volunteers',
    access: 'coordinator',
    handler: 'createVolunteer',
    jsonBody: true,
    summary: 'register a volunteer (phone → E.164, home point on land in the service area)',
  },
  {
    method: 'GET',
    path: '/api/volunteers',
    access: 'coordinator',
    handler: 'listVolunteers',
    summary: 'every volunteer',
  },
  {
    method: 'GET',
    path: '/api/volunteers/{id}',
    access: 'coordinator',
    handler: 'getVolunteer',
    summary: 'a volunteer with their delivery log',
  },
  {
    method: 'PATCH',
    path: '/api/volunteers/{id}',
    access: 'coordinator',
    handler: 'patchVolunteer',
    jsonBody: true,
    summary: 'edit a volunteer (409 on a concurrent edit)',
  },
  {
    method: 'POST',
    path: '/api/volunteers/{id}/opt-out',
    access: 'coordinator',
    handler: 'optOutVolunteer',
    summary: 'no further SMS to this volunteer, at once',
  },
  {
    method: 'POST',
    path: '/api/volunteers/{id}/test-alert',
    access: 'coordinator',
    handler: 'testAlert',
    summary: 'send a test SMS now and return its status',
  },
  {
    method: 'GET',
    path: '/api/alerts',
    access: 'coordinator',
    handler: 'listAlerts',
    summary: 'every SMS sent or attempted, with status, reason and part count',
  },
];
