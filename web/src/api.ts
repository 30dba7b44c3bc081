/**
 * Typed endpoint functions: every call the web app makes, with its response type from
 * `shared/api/wire.ts` and its path checked against the route table (`shared/api/routes.ts`).
 * Coordinator calls carry the signed-in session's bearer token.
 */
import type {
  AlertView,
  CoordinatorHotspotCollection,
  HotspotLinkBody,
  OptOutAccepted,
  OptOutConfirmed,
  Page,
  PublicHotspotCollection,
  TipAuditEntry,
  TipCreated,
  TipDetail,
  TipListItem,
  VolunteerDetail,
  VolunteerProfile,
  ZoneCheckBody,
} from '../../shared/api/wire.js';
import type {
  AlertReason,
  AlertStatus,
  Channel,
  GeocodeResult,
  LatLon,
  TipCategory,
  TipStatus,
} from '../../shared/types.js';
import { ApiError, qs, request, type RequestOptions } from './http-client.js';

/**
 * Every route this app calls, as `[method, path]`; `api.test.ts` checks each against the
 * route table (`shared/api/routes.ts`), so a path here cannot drift from the API.
 */
export const ROUTES_USED = {
  hotspots: ['GET', '/api/hotspots'],
  hotspotLink: ['GET', '/api/hotspots/{id}'],
  zoneCheck: ['GET', '/api/zones/check'],
  geocode: ['GET', '/api/geocode'],
  createTip: ['POST', '/api/tips'],
  optOut: ['POST', '/api/opt-out'],
  confirmOptOut: ['POST', '/api/opt-out/confirm'],
  tips: ['GET', '/api/tips'],
  tip: ['GET', '/api/tips/{id}'],
  tipAudit: ['GET', '/api/tips/{id}/audit'],
  setTipStatus: ['PATCH', '/api/tips/{id}'],
  coordinatorHotspots: ['GET', '/api/coordinator/hotspots'],
  volunteers: ['GET', '/api/volunteers'],
  createVolunteer: ['POST', '/api/volunteers'],
  volunteer: ['GET', '/api/volunteers/{id}'],
  patchVolunteer: ['PATCH', '/api/volunteers/{id}'],
  optOutVolunteer: ['POST', '/api/volunteers/{id}/opt-out'],
  testAlert: ['POST', '/api/volunteers/{id}/test-alert'],
  alerts: ['GET', '/api/alerts'],
} as const;

type RoutePath = (typeof ROUTES_USED)[keyof typeof ROUTES_USED][1];

let apiBase = '/api';
let bearer: () => string | undefined = () => undefined;
let unauthorized: () => void = () => undefined;

/** Where the API lives (runtime config `apiBase`, `/api` by default: same origin). */
export function setApiBase(base: string): void {
  apiBase = base.replace(/\/+$/, '') || '/api';
}

/** The token coordinator calls send. */
export function setBearer(token: () => string | undefined): void {
  bearer = token;
}

/** A route's path with `{param}`s filled in, rebased on `apiBase`. */
function path(route: RoutePath, params: Record<string, string> = {}, query = ''): string {
  const filled = route.replace(/\{(\w+)\}/g, (_m: string, name: string) => encodeURIComponent(params[name] ?? ''));
  return `${apiBase}${filled.slice('/api'.length)}${query}`;
}

function call<T>(route: RoutePath, opts: RequestOptions & { params?: Record<string, string>; query?: string } = {}) {
  return request<T>(path(route, opts.params, opts.query), opts);
}

/** What to do when the API refuses the session (401): the coordinator view signs in again. */
export function onUnauthorized(fn: () => void): void {
  unauthorized = fn;
}

async function coordinator<T>(route: RoutePath, opts: Parameters<typeof call>[1] = {}): Promise<T> {
  try {
    return await call<T>(route, { ...opts, token: bearer() });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) unauthorized();
    throw err;
  }
}

/** The tip form's body (`POST /api/tips`). */
export interface TipSubmission {
  text: string;
  category: TipCategory;
  channel: Channel;
  address?: string;
  occurredAt?: string;
  location?: LatLon & { accuracyM?: number };
  contact?: { phone: string; consentToContact: boolean };
}

/** `GET /api/tips` filters; times are ISO 8601. */
export interface TipQuery {
  since?: string;
  until?: string;
  status?: TipStatus;
  category?: TipCategory;
  channel?: Channel;
  reference?: string;
  bbox?: string;
  limit?: number;
  next?: string;
}

/** `GET /api/alerts` filters. */
export interface AlertQuery {
  since?: string;
  until?: string;
  reason?: AlertReason;
  status?: AlertStatus;
  next?: string;
}

export const endpoints = {
  hotspots: (signal?: AbortSignal) => call<PublicHotspotCollection>('/api/hotspots', { signal }),
  hotspotLink: (id: string) => call<HotspotLinkBody>('/api/hotspots/{id}', { params: { id } }),
  zoneCheck: (p: LatLon, signal?: AbortSignal) =>
    call<ZoneCheckBody>('/api/zones/check', { query: qs({ lat: p.lat, lon: p.lon }), signal }),
  geocode: (q: string) => call<GeocodeResult>('/api/geocode', { query: qs({ q }) }),
  reverseGeocode: (p: LatLon) => call<GeocodeResult>('/api/geocode', { query: qs({ lat: p.lat, lon: p.lon }) }),
  createTip: (body: TipSubmission, idempotencyKey: string) =>
    call<TipCreated>('/api/tips', { body, headers: { 'idempotency-key': idempotencyKey } }),
  optOut: (phone: string) => call<OptOutAccepted>('/api/opt-out', { body: { phone } }),
  confirmOptOut: (token: string) => call<OptOutConfirmed>('/api/opt-out/confirm', { body: { token } }),

  tips: (q: TipQuery, signal?: AbortSignal) =>
    coordinator<Page<TipListItem>>('/api/tips', { query: qs({ ...q }), signal }),
  tip: (id: string) => coordinator<TipDetail>('/api/tips/{id}', { params: { id } }),
  tipAudit: (id: string) => coordinator<Page<TipAuditEntry>>('/api/tips/{id}/audit', { params: { id } }),
  setTipStatus: (id: string, status: TipStatus, note?: string) =>
    coordinator<TipListItem>('/api/tips/{id}', {
      method: 'PATCH',
      params: { id },
      body: note ? { status, note } : { status },
    }),
  coordinatorHotspots: () => coordinator<CoordinatorHotspotCollection>('/api/coordinator/hotspots'),
  volunteers: () => coordinator<Page<VolunteerProfile>>('/api/volunteers'),
  volunteer: (id: string) => coordinator<VolunteerDetail>('/api/volunteers/{id}', { params: { id } }),
  createVolunteer: (body: Record<string, unknown>) => coordinator<VolunteerProfile>('/api/volunteers', { body }),
  patchVolunteer: (id: string, body: Record<string, unknown>) =>
    coordinator<VolunteerProfile>('/api/volunteers/{id}', { method: 'PATCH', params: { id }, body }),
  optOutVolunteer: (id: string) =>
    coordinator<VolunteerProfile>('/api/volunteers/{id}/opt-out', { method: 'POST', params: { id } }),
  testAlert: (id: string) =>
    coordinator<AlertView>('/api/volunteers/{id}/test-alert', { method: 'POST', params: { id } }),
  alerts: (q: AlertQuery) => coordinator<Page<AlertView>>('/api/alerts', { query: qs({ ...q }) }),
};
