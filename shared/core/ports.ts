/**
 * Ports: what the use cases in `shared/core/` need from the outside world. Each has one
 * adapter per technology in `functions/` (DynamoDB, End User Messaging / SNS, SQS, KMS, the
 * local outbox and files) and an in-memory adapter in `shared/core/in-memory/` for the
 * use-case tests. Nothing here knows which host it runs in.
 */
import type { PublicHotspotCollection } from '../api/wire.js';
import type { DeadLetter } from './dead-letter.js';
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- TSDoc links
import type { ConflictError, HotspotConflictError, InvalidCursorError } from './errors.js';
import type { MessageSendError } from './message-send-error.js';
import type { Gazetteer } from '../geocoder/index.js';
import type { ServiceArea } from '../service-area/index.js';
import type { Box, HotspotChanges } from '../hotspots/index.js';
import type {
  Alert,
  AlertStatus,
  ClusterTip,
  Hotspot,
  HotspotSummary,
  LatLon,
  Tip,
  TipCategory,
  TipStatus,
  TipStatusChange,
  Volunteer,
  Channel,
} from '../types.js';

/** The current time. */
export interface Clock {
  /** Now, as ISO 8601 UTC. */
  now(): string;
}

/** Randomness: ids and short references. */
export interface IdSource {
  /** A random UUID (version 4). */
  uuid(): string;
  /** A short random reference a person can read out on the phone, e.g. `PT-7K3M-Q2XD`. */
  reference(): string;
}

/** The loaded gazetteer (names, codes, centroids, province shapes); loaded once, on first use. */
export type GazetteerPort = () => Gazetteer;

/** Answers whether the stores can take a tip now (`GET /api/health`). */
export interface HealthProbe {
  /** Resolves when ready; rejects (with any error) when not. */
  ready(): Promise<void>;
}

/**
 * Where the system works (loaded once, on first use): a point is on `land`, in the border
 * `buffer` (the sea off the coast, the far side of border towns) or `outside`.
 */
export type ServiceAreaPort = () => ServiceArea;

/**
 * Pseudonyms: a keyed hash (HMAC) of a value with a secret the core never sees, the same for
 * the same value and purpose, irreversible without the secret. Distinct reporters are counted
 * by the pseudonym of their contact; rate limits key on pseudonyms of numbers and clients.
 */
export interface Pseudonyms {
  of(purpose: 'reporter' | 'rate-limit', value: string): Promise<string>;
}

/** What `POST /api/tips` remembers for an `Idempotency-Key`. */
export interface IdempotencyRecord {
  key: string;
  bodyHash: string;
  statusCode: number;
  /** The first response, as JSON. */
  response: string;
}

export type CreateTipOutcome = { kind: 'created' } | { kind: 'replay'; record: IdempotencyRecord };

/** Filters of the coordinator feed. */
export interface TipQuery {
  since?: string;
  until?: string;
  status?: TipStatus;
  category?: TipCategory;
  channel?: Channel;
  reference?: string;
  /** [west, south, east, north], degrees. */
  bbox?: [number, number, number, number];
  limit: number;
  /** An opaque cursor from a previous page (`TipPage.next`); a forged one is an {@link InvalidCursorError}. */
  after?: string;
}

/** One page of tips, newest first. */
export interface TipPage {
  items: Tip[];
  next?: string;
}

/** Tips. */
export interface TipStore {
  /**
   * Stores a tip and its idempotency record atomically; a key already used (and not expired)
   * yields `replay` with the first record, read strongly consistent after the refused write.
   */
  create(tip: Tip, idempotency?: IdempotencyRecord): Promise<CreateTipOutcome>;
  /** The tip with its contact opened (a coordinator opening its detail): the only read that decrypts. */
  get(id: string): Promise<Tip | undefined>;
  /** Sets the review status and appends to its history; `undefined` for an unknown id. */
  setStatus(id: string, change: TipStatusChange): Promise<Tip | undefined>;
  /** The feed, without contacts (`hasContact` says whether there is one). */
  list(query: TipQuery): Promise<TipPage>;
  /**
   * Every clusterable, not dismissed tip received at or after `since`, page by page (a
   * store's pages, about a megabyte each, in no particular order): the full recomputation
   * reads the window into columns without holding every tip object.
   */
  clusterableSince(since: string): AsyncIterable<ClusterTip[]>;
  /** Every clusterable, not dismissed tip received at or after `since` in the given `tipCell` cells. */
  inCells(cells: string[], since: string): Promise<ClusterTip[]>;
}

/** Which active hotspots {@link HotspotStore.listActive} reads, and how much of each. */
export interface ActiveScope {
  /**
   * Only those whose box meets `box`, each with (at least) its members in `cells` (`tipCell`
   * keys): what an incremental update working in that box can use.
   */
  near?: { box: Box; cells: readonly string[] };
  /** `false`: without member lists, for readers that draw, count or link hotspots. */
  members?: boolean;
}

/** What {@link HotspotStore.listActive} returns for a scope: summaries when `members` is false. */
export type ActiveHotspots<S extends ActiveScope> = S extends { members: false } ? HotspotSummary[] : Hotspot[];

/** Hotspots. Member lists live apart from the hotspot (pages per cell), read only when asked for. */
export interface HotspotStore {
  /**
   * Active hotspots, most recently seen first: without `scope`, every one with all its
   * members (the full recomputation); `scope` narrows to a box or leaves the members out.
   */
  listActive<S extends ActiveScope = Record<never, never>>(scope?: S): Promise<ActiveHotspots<S>>;
  /** One hotspot, active or retired, without its members (SMS links, new-id checks). */
  get(id: string): Promise<HotspotSummary | undefined>;
  /**
   * Stores what a recomputation produced, each write only if the stored hotspot is still the
   * one in `read` (optimistic concurrency); a lost race throws {@link HotspotConflictError}.
   */
  saveChanges(changes: Pick<HotspotChanges, 'upserts' | 'retired'>, read: readonly Hotspot[]): Promise<void>;
}

/** A volunteer whose alert circle contains a point. */
export interface CoveringVolunteer {
  volunteerId: string;
  location: LatLon;
  radiusKm: number;
  distanceKm: number;
}

/** The volunteer registry and its spatial lookup. */
export interface VolunteerDirectory {
  /** Stores a profile; with `previous`, only if nobody changed it since (else {@link ConflictError}). */
  put(volunteer: Volunteer, previous?: Volunteer): Promise<void>;
  get(id: string): Promise<Volunteer | undefined>;
  getMany(ids: readonly string[]): Promise<Map<string, Volunteer>>;
  /** Every volunteer, by name. */
  list(): Promise<Volunteer[]>;
  /** Active volunteers whose circle contains the point (never a scan). */
  covering(point: LatLon): Promise<CoveringVolunteer[]>;
  /** Every profile with this E.164 number (rare: the public opt-out worker). */
  findByPhone(phone: string): Promise<Volunteer[]>;
}

/** Filters of the alert log. */
export interface AlertQuery {
  since?: string;
  until?: string;
  reason?: Alert['reason'];
  status?: AlertStatus;
  limit?: number;
}

/** The alert log: one record per (channel, volunteer, hotspot, reason, level), claims, holds, counters. */
export interface AlertLog {
  /**
   * Records an alert as `queued` and claims the right to send it for a lease; false when it
   * exists and is not an expired claim (it must not be sent again).
   */
  claim(alert: Alert, now: string): Promise<boolean>;
  /** Records an alert held by quiet hours until `holdUntil`; false if it exists. */
  hold(alert: Alert, holdUntil: string): Promise<boolean>;
  /** Records a suppressed alert; false if it exists. */
  suppress(alert: Alert, suppressedReason: string): Promise<boolean>;
  get(id: string): Promise<Alert | undefined>;
  /** Sets the status (and releases hold and lease); `extra` fields are set alongside. */
  setStatus(id: string, status: AlertStatus, extra?: Partial<Alert>): Promise<void>;
  /** Alerts newest first. */
  list(query?: AlertQuery): Promise<Alert[]>;
  /** One volunteer's alerts, newest first (50 unless `limit` says otherwise). */
  listForVolunteer(volunteerId: string, limit?: number): Promise<Alert[]>;
  /** Held alerts whose hold ended by `now`, oldest first. */
  dueHeld(now: string): Promise<Alert[]>;
  /**
   * Marks a claimed alert as being handed to the provider, just before the send; false when
   * it is not a live claim (sent, failed, or already being sent). After this mark the alert
   * is never sent again: a crash leaves it for {@link expiredClaims} to mark failed.
   */
  markSending(id: string, now: string): Promise<boolean>;
  /** Claimed alerts still `queued` whose lease expired by `now` (a sender crashed or timed out). */
  expiredClaims(now: string, limit: number): Promise<Array<Alert & { sendingAt?: string }>>;
  /** Messages sent to each volunteer on an Asia/Bangkok day (`YYYY-MM-DD`). */
  sentOn(volunteerIds: readonly string[], day: string): Promise<Map<string, number>>;
  countSent(volunteerId: string, day: string): Promise<void>;
  /**
   * Records the provider's delivery receipt on a `sent` alert: `delivered` (with `deliveredAt`)
   * or `undelivered` (with the receipt code as `failureReason`). Only from `sent`, never
   * backwards: false when the alert is unknown or not `sent` (a late or repeated receipt).
   */
  recordReceipt(alertId: string, receipt: DeliveryReceipt): Promise<boolean>;
}

/** What the provider reported about a sent message. */
export interface DeliveryReceipt {
  status: Extract<AlertStatus, 'delivered' | 'undelivered'>;
  /** The provider's event or status code, e.g. `TEXT_DELIVERED`, `TEXT_BLOCKED` (no number, no text). */
  code: string;
  /** When the provider reported it, ISO 8601. */
  at: string;
}

/** The channels alerts can go over. The intake `channel` of a tip is another thing. */
export const MESSAGE_CHANNELS = ['sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** One message to one recipient over one channel. */
export interface OutgoingMessage {
  channel: MessageChannel;
  /** The recipient's address on that channel: E.164 for SMS. */
  to: string;
  /** The whole text, already composed and length-checked for the channel. */
  text: string;
  /** The alert's id: provider metadata carries it back with delivery receipts. */
  alertId: string;
}

/** Sends messages over one channel; throws {@link MessageSendError} when it cannot. */
export interface MessageSender {
  readonly channel: MessageChannel;
  /** @returns the provider's message id */
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

/** Where what cannot be processed goes, with its keys and reason (never PII): a queue a person watches. */
export interface DeadLetters {
  put(letter: DeadLetter): Promise<void>;
}

/** Structured logs for operators. Never pass tip text, phone numbers, names or contact data. */
export interface LogPort {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Adds the Lambda invocation's context (request id, function name) to the lines that follow. */
  addContext?(lambdaContext: object): void;
}

/** One sender per channel the deployment can use. */
export type MessageSenders = Partial<Record<MessageChannel, MessageSender>>;

/**
 * Where claimed alerts wait to be sent, when sending is decoupled from dispatching (AWS: an
 * SQS queue drained at the configured messages per second). Absent: the dispatcher sends itself.
 */
export interface SendQueue {
  enqueue(alertIds: string[]): Promise<void>;
}

/** One read of a tip's detail, as the audit trail keeps it. */
export interface TipAuditRecord {
  tipId: string;
  at: string;
  /** The coordinator who opened it. */
  by: string;
  /** What was shown, e.g. `detail: text, exact place, contact`. */
  what: string;
}

/** The audit trail of tip reads. */
export interface TipAuditLog {
  record(entry: TipAuditRecord): Promise<void>;
  /** A tip's records, newest first. */
  list(tipId: string, limit: number): Promise<TipAuditRecord[]>;
}

/** The published public snapshot (`GET /api/hotspots`, the zone check, the web app offline). */
export interface SnapshotStore {
  /** The latest published snapshot, or undefined before the first. */
  latest(): Promise<PublicHotspotCollection | undefined>;
  /** Publishes a snapshot; readers see either the previous one or this one, never a mix. */
  publish(snapshot: PublicHotspotCollection): Promise<void>;
}

/** Counts requests per key in fixed windows (per phone number, per client). */
export interface RateLimiter {
  /** Counts one request for `key`; false when that makes more than `limit` in the current `windowS`. */
  allow(key: string, limit: number, windowS: number): Promise<boolean>;
}

/** A public opt-out request, handled after the answer (so every answer takes the same time). */
export interface OptOutRequest {
  id: string;
  /** E.164. */
  phone: string;
  at: string;
}

/** Where public opt-out requests wait for the worker (a table whose stream drives it). */
export interface OptOutRequests {
  submit(request: OptOutRequest): Promise<void>;
}

/** What a one-time opt-out link stands for. */
export interface OptOutGrant {
  /** E.164 of the number that asked. */
  phone: string;
  /** The active volunteers with that number when the link was sent. */
  volunteerIds: string[];
  expiresAt: string;
}

/** One-time opt-out links: stored by a hash of the token, taken at most once. */
export interface OptOutTokens {
  save(token: string, grant: OptOutGrant): Promise<void>;
  /** The grant of an unexpired, unused token, now used up; undefined otherwise. */
  take(token: string, now: string): Promise<OptOutGrant | undefined>;
}

/** A reporter's contact as stored: envelope-encrypted, opaque to everything but its sealer. */
export interface SealedContact {
  /** Format version of the envelope. */
  v: 1;
  /** The data key, wrapped by the master key (KMS, or the local key file). */
  wrappedKey: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/** Envelope encryption of contact data: a fresh data key per record, wrapped by a master key the core never sees. */
export interface ContactSealer {
  /** `context` (the tip id) is bound to the ciphertext: a sealed contact moved to another tip does not open. */
  seal(contact: NonNullable<Tip['contact']>, context: string): Promise<SealedContact>;
  open(sealed: SealedContact, context: string): Promise<NonNullable<Tip['contact']>>;
}
