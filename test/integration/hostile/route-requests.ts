/**
 * Requests for every route of the route table, hostile or valid at the edges, and the oracle
 * that says which of them the contract lets succeed. The oracle reads the same zod schemas as
 * the API and the same rules as the router (method, path ids, access, content type), on the
 * request as the server will see it (the query as `URLSearchParams` parses it, the body as
 * bytes).
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { pointQuery } from '../../../functions/api/query-schemas.js';
import { alertsQuery } from '../../../functions/api/routes/alerts.js';
import { textQuery } from '../../../functions/api/routes/geocode.js';
import { hotspotId } from '../../../functions/api/routes/hotspots.js';
import { confirmSchema, optOutSchema } from '../../../functions/api/routes/opt-out.js';
import { listQuerySchema, statusPatchSchema } from '../../../functions/api/routes/tips.js';
import type { ApiRouteDef, RouteHandlerKey } from '../../../shared/api/routes.js';
import { tipInputSchema } from '../../../shared/tips/tip-input.js';
import { volunteerInputSchema, volunteerPatchSchema } from '../../../shared/volunteers/volunteer-input.js';
import { hostile, jsonSchemaOf, validEdge } from './from-schema.js';
import {
  BAD_IDEMPOTENCY_KEYS,
  FOREIGN_CONTENT_TYPES,
  hostileIdSegment,
  hostileJsonValue,
  hostileQueryValue,
  JSON_CONTENT_TYPES,
  PROTO_KEYS,
  wrongAuthorizations,
} from './values.js';

/** What a route reads besides its path: the body and query schemas, and its query's oracle. */
interface RouteInput {
  body?: z.ZodType;
  /** The schema queries are generated from (absent: the route takes no query). */
  query?: z.ZodType;
  /** Whether the server would accept this query; default: the `query` schema, or no keys at all. */
  queryValid?: (q: Record<string, string>) => boolean;
}

const ok = (schema: z.ZodType) => (q: unknown) => schema.safeParse(q).success;

/** Every route handler's inputs; a `Record`, so a new route cannot be left out of the properties. */
export const ROUTE_INPUTS: Record<RouteHandlerKey, RouteInput> = {
  health: {},
  createTip: { body: tipInputSchema },
  // A `next` this test did not get from the API is forged (an empty one is no cursor at all).
  listTips: { query: listQuerySchema, queryValid: (q) => ok(listQuerySchema)(q) && !q.next },
  getTip: {},
  tipAudit: {},
  setTipStatus: { body: statusPatchSchema },
  listHotspots: {},
  hotspotLink: {},
  coordinatorHotspots: {},
  checkZone: { query: pointQuery },
  geocode: {
    query: textQuery,
    queryValid: (q) =>
      q.q !== undefined ? ok(textQuery)(q) : q.lat !== undefined || q.lon !== undefined ? ok(pointQuery)(q) : false,
  },
  createVolunteer: { body: volunteerInputSchema },
  listVolunteers: {},
  getVolunteer: {},
  patchVolunteer: { body: volunteerPatchSchema },
  optOutVolunteer: {},
  testAlert: {},
  listAlerts: { query: alertsQuery },
  publicOptOut: { body: optOutSchema },
  confirmOptOut: { body: confirmSchema },
};

/** Ids that exist, so that a request can be hostile in one part only. */
export interface Fixtures {
  token: string;
  integratorKey: string;
  tipId: string;
  volunteerId: string;
}

/** One request, as sent, with the oracle's verdict. */
export interface RouteRequest {
  method: string;
  /** Path and raw query string, as on the wire. */
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** The contract lets it succeed (it may still be a 4xx: an unknown id, a home point at sea). */
  valid: boolean;
  /** The exact status the router must answer, when the first thing wrong with it decides it. */
  expected?: number;
}

/** The parsed query, as the local host and API Gateway build it (the last value of a key wins). */
export const parsedQuery = (raw: string): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(raw)) as Record<string, string>;

const MAX_BODY_BYTES = 64 * 1024;
const MAX_DEPTH = 8;
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function wellFormedJson(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'string') return value.isWellFormed();
  if (Array.isArray(value)) return value.every((v) => wellFormedJson(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).every(([k, v]) => k.isWellFormed() && wellFormedJson(v, depth + 1));
  }
  return true;
}

/** Whether the API would parse this body and its schema accept it. */
export function bodyValid(schema: z.ZodType, bytes: Uint8Array | undefined): boolean {
  if (!bytes || bytes.length === 0 || bytes.length > MAX_BODY_BYTES) return false;
  let value: unknown;
  try {
    value = JSON.parse(UTF8.decode(bytes));
  } catch {
    return false;
  }
  return wellFormedJson(value) && schema.safeParse(value).success;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the router does with a path segment: 400 if it is not percent-encoding, 404 if no id could be that long or ill-formed. */
function segmentVerdict(segment: string, kind: 'uuid' | 'hotspot'): { status?: number; valid: boolean } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return { status: 400, valid: false };
  }
  if (!decoded.isWellFormed() || decoded.length > 128) return { status: 404, valid: false };
  return { valid: kind === 'uuid' ? UUID.test(decoded) : hotspotId.safeParse(decoded).success };
}

/** Dot segments would be resolved by the URL parser into another path: they are tested on their own. */
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** Bodies that are not JSON, or not UTF-8, or too deep, or too large. */
const rawHostileBodies: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .constantFrom(
      '',
      'null',
      '{',
      '{"text":',
      'text=hello',
      '\u0000',
      '[]',
      '"x"',
      '1e400',
      `${'['.repeat(20)}${']'.repeat(20)}`,
    )
    .map(utf8),
  fc
    .constantFrom(
      [0xff, 0xfe],
      [0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x22, 0x7d], // {"text":"<cut-off sequence>"}
      [0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d], // CESU-8 lone surrogate
      [0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d], // overlong "/"
    )
    .map((b) => new Uint8Array(b)),
  fc.constant(utf8(JSON.stringify({ text: 'x'.repeat(70_000) }))),
);

function queryString(entries: Array<[string, string]>, extra: string[] = []): string {
  return [...entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`), ...extra].join('&');
}

/** A valid query for the route (edges included), as entries. */
function validQuery(input: RouteInput): fc.Arbitrary<Array<[string, string]>> {
  if (!input.query) return fc.constant([]);
  return validEdge(jsonSchemaOf(input.query)).map((q) => Object.entries(q as Record<string, string>));
}

/** A query with something wrong: a built-in member's name, an unknown key, a hostile value, raw junk. */
function hostileQuery(input: RouteInput): fc.Arbitrary<string> {
  const known = input.query ? Object.keys(jsonSchemaOf(input.query).properties ?? {}) : [];
  return validQuery(input).chain((entries) =>
    fc.oneof(
      // One of the route's own keys (a cursor, a coordinate, a time) with a hostile value.
      fc
        .tuple(fc.constantFrom(...known, 'next'), hostileQueryValue)
        .map(([k, v]) => queryString([...entries.filter(([key]) => key !== k), [k, v]])),
      fc
        .tuple(fc.constantFrom(...PROTO_KEYS, 'x', 'lat', 'q', 'next', 'since'), fc.constantFrom('1', 'x', '', '%'))
        .map(([k, v]) => queryString([...entries, [k, v]])),
      entries.length
        ? fc
            .tuple(fc.integer({ min: 0, max: entries.length - 1 }), hostileQueryValue)
            .map(([i, v]) => queryString(entries.map(([k, old], j) => [k, j === i ? v : old])))
        : hostileQueryValue.map((v) => queryString([['q', v]])),
      fc
        .constantFrom('%ED%A0%80=1', 'q=%ED%A0%80', '%=1', 'a=%zz', '=', '&&', '__proto__[x]=1', 'next=%FF')
        .map((raw) => queryString(entries, [raw])),
    ),
  );
}

/** A request part with whether the router accepts it. */
interface Judged<T> {
  value: T;
  ok: boolean;
}

/** A draw that is `true` with probability `p` in hostile mode and never in valid mode: "break this part". */
type Chance = (p: number) => fc.Arbitrary<boolean>;

/** The parts of one generated request, before the oracle judges it. */
interface RequestParts {
  method: string;
  id: string;
  query: string;
  auth: Judged<string | undefined>;
  apiKey: Judged<string>;
  contentType: Judged<string | undefined>;
  idempotency: string | undefined;
  body: Uint8Array | undefined;
  extraHeaders: Record<string, string>;
}

/** Path ids: one that exists (or any well-formed hotspot id); hostile mode adds unknown and hostile segments. */
function pathIds(def: ApiRouteDef, fx: Fixtures, idKind: 'uuid' | 'hotspot', hostileMode: boolean) {
  const existingId = def.path.startsWith('/api/tips/') ? fx.tipId : fx.volunteerId;
  const validIds =
    idKind === 'hotspot'
      ? fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/)
      : fc.constantFrom(existingId, existingId.toUpperCase());
  return hostileMode
    ? fc.oneof(
        validIds,
        fc.uuid(),
        hostileIdSegment.filter((s) => !DOT_SEGMENT.test(s)),
      )
    : validIds;
}

/** The coordinator token, the integrator key and the content type, each sometimes wrong in hostile mode. */
function headerParts(fx: Fixtures, chance: Chance) {
  const auth = chance(0.25).chain((wrong) =>
    wrong
      ? fc.constantFrom(...wrongAuthorizations(fx.token)).map((value) => ({ value, ok: false }))
      : fc
          .constantFrom(`Bearer ${fx.token}`, `bearer ${fx.token}`, `BEARER   ${fx.token}`)
          .map((value) => ({ value, ok: true as boolean })),
  );
  const apiKey = chance(0.25).map((wrong) => ({ value: wrong ? 'not-the-key' : fx.integratorKey, ok: !wrong }));
  const contentType = chance(0.2).chain((wrong) =>
    wrong
      ? fc.constantFrom(...FOREIGN_CONTENT_TYPES).map((value) => ({ value, ok: false }))
      : fc.constantFrom(...JSON_CONTENT_TYPES).map((value) => ({ value: value as string | undefined, ok: true })),
  );
  return { auth, apiKey, contentType };
}

/** `Idempotency-Key` values: none, or a UUID in either case; hostile mode adds keys that are not UUIDs. */
function idempotencyKeys(hostileMode: boolean): fc.Arbitrary<string | undefined> {
  return hostileMode
    ? fc.oneof(
        fc.constant(undefined),
        fc.uuid(),
        fc.uuid().map((u) => u.toUpperCase()),
        fc.constantFrom(...BAD_IDEMPOTENCY_KEYS),
      )
    : fc.oneof(
        fc.constant(undefined),
        fc.uuid(),
        fc.uuid().map((u) => u.toUpperCase()),
      );
}

/** Bodies as bytes: for a JSON route, valid at the edges or (hostile mode) broken by schema, by value or raw. */
function bodies(def: ApiRouteDef, input: RouteInput, hostileMode: boolean): fc.Arbitrary<Uint8Array | undefined> {
  const bodySchema = input.body ? jsonSchemaOf(input.body) : undefined;
  return !def.jsonBody
    ? fc.constantFrom(undefined, def.method === 'GET' ? undefined : utf8('{}'))
    : hostileMode
      ? fc.oneof(
          { weight: 4, arbitrary: hostile(bodySchema!).map((v) => utf8(JSON.stringify(v) ?? '')) },
          { weight: 1, arbitrary: hostileJsonValue.map((v) => utf8(JSON.stringify(v) ?? '')) },
          { weight: 1, arbitrary: rawHostileBodies },
        )
      : validEdge(bodySchema!).map((v) => utf8(JSON.stringify(v)));
}

/** Raw query strings: valid ones; hostile mode mixes in {@link hostileQuery}. */
function queries(input: RouteInput, hostileMode: boolean): fc.Arbitrary<string> {
  return hostileMode
    ? fc.oneof(
        validQuery(input).map((e) => queryString(e)),
        hostileQuery(input),
      )
    : validQuery(input).map((e) => queryString(e));
}

/** Headers no route reads (hostile mode): built-in member names and a forged client address must change nothing. */
function extraHeaders(hostileMode: boolean): fc.Arbitrary<Record<string, string>> {
  return hostileMode
    ? fc.dictionary(
        fc.constantFrom(...PROTO_KEYS.filter((k) => k !== 'prototype'), 'x-forwarded-for'),
        fc.constantFrom('1', 'x', '127.0.0.1'),
        { maxKeys: 2 },
      )
    : fc.constant({} as Record<string, string>);
}

/** The request the parts make, as sent, and the oracle's verdict on it. */
function judgedRequest(def: ApiRouteDef, input: RouteInput, idKind: 'uuid' | 'hotspot', r: RequestParts): RouteRequest {
  const path = def.path.replace('{id}', r.id);
  const headers: Record<string, string> = { ...r.extraHeaders };
  if (def.access === 'coordinator' && r.auth.value !== undefined) headers.authorization = r.auth.value;
  if (def.access === 'integrator') headers['x-api-key'] = r.apiKey.value;
  if (def.jsonBody && r.contentType.value !== undefined) headers['content-type'] = r.contentType.value;
  if (def.handler === 'createTip' && r.idempotency !== undefined) headers['idempotency-key'] = r.idempotency;
  const segment = def.path.includes('{id}') ? segmentVerdict(r.id, idKind) : { valid: true };
  const accessOk = def.access === 'coordinator' ? r.auth.ok : def.access === 'integrator' ? r.apiKey.ok : true;
  const typeOk = !def.jsonBody || r.contentType.ok;
  // The router's order: method, path ids, access, content type; then the handler's checks.
  const expected = r.method !== def.method ? 405 : (segment.status ?? (!accessOk ? 401 : !typeOk ? 415 : undefined));
  const queryOk = (input.queryValid ?? (input.query ? ok(input.query) : (q) => Object.keys(q).length === 0))(
    parsedQuery(r.query),
  );
  const idemOk = r.idempotency === undefined || def.handler !== 'createTip' || UUID.test(r.idempotency.trim());
  const bodyOk = !def.jsonBody || bodyValid(input.body!, r.body);
  const valid = expected === undefined && segment.valid && queryOk && idemOk && bodyOk;
  return {
    method: r.method,
    url: r.query ? `${path}?${r.query}` : path,
    headers,
    body: r.method === 'GET' ? undefined : r.body,
    valid,
    expected,
  };
}

/** Requests for one route: `mode` `hostile` breaks one or more parts of an otherwise valid request. */
export function routeRequests(def: ApiRouteDef, fx: Fixtures, mode: 'hostile' | 'valid'): fc.Arbitrary<RouteRequest> {
  const input = ROUTE_INPUTS[def.handler];
  const hostileMode = mode === 'hostile';
  const idKind = def.path.startsWith('/api/hotspots/') ? 'hotspot' : 'uuid';
  const chance: Chance = (p) =>
    hostileMode ? fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < p) : fc.constant(false);
  const { auth, apiKey, contentType } = headerParts(fx, chance);
  const method = chance(0.1).chain((wrong) => (wrong ? fc.constantFrom('PUT', 'DELETE') : fc.constant(def.method)));
  return fc
    .record({
      method,
      id: pathIds(def, fx, idKind, hostileMode),
      query: queries(input, hostileMode),
      auth,
      apiKey,
      contentType,
      idempotency: idempotencyKeys(hostileMode),
      body: bodies(def, input, hostileMode),
      extraHeaders: extraHeaders(hostileMode),
    })
    .map((r) => judgedRequest(def, input, idKind, r));
}
