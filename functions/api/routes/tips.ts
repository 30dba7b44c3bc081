import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { tipCell } from '../../../shared/hotspots/index.js';
import { tipInputSchema, type TipInput } from '../../../shared/tips/tip-input.js';
import { isUrgentTip } from '../../../shared/tips/urgency.js';
import { TIP_STATUSES } from '../../../shared/types.js';
import type { AppContext } from '../../lib/context.js';
import { logger } from '../../lib/logger.js';
import type { IdempotencyRecord, TipItem } from '../../lib/tips-repo.js';
import { requireCoordinator } from '../auth.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { HttpError, notFound } from '../errors.js';
import { header, json, parseJsonBody, query, validate, type ApiEvent, type ApiResult } from '../http.js';
import { clusterPoint, placeOfTip } from './place.js';

const idempotencyKeySchema = z.uuid({ message: 'Idempotency-Key must be a UUID' });

/** JSON with sorted keys, so that the same body hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function replay(record: IdempotencyRecord, bodyHash: string): ApiResult {
  if (record.bodyHash !== bodyHash) {
    throw new HttpError(422, 'idempotency_key_reused', 'this Idempotency-Key was used with a different body');
  }
  return json(record.statusCode, JSON.parse(record.response), { 'idempotent-replayed': 'true' });
}

function buildTip(input: TipInput, now: string): TipItem {
  const place = placeOfTip(input);
  const point = clusterPoint(input, place);
  return {
    id: randomUUID(),
    feed: 'tips',
    receivedAt: now,
    text: input.text,
    category: input.category,
    channel: input.channel,
    status: 'new',
    occurredAt: input.occurredAt,
    location: input.location,
    address: input.address,
    geocode: place,
    contact: input.contact,
    urgent: isUrgentTip(input.text, input.category),
    admin: place.admin,
    ...(point ? { lat: point.lat, lon: point.lon, cell: tipCell(point.lat, point.lon) } : {}),
    // Distinct reporters weigh in the risk score; an opaque hash, never the number itself.
    ...(input.contact
      ? { reporterKey: sha256(`reporter:${input.contact.phone.replace(/\D/g, '')}`).slice(0, 16) }
      : {}),
  };
}

/** POST /api/tips: validate, honour Idempotency-Key, geocode, store. */
export async function createTip(event: ApiEvent, ctx: AppContext): Promise<ApiResult> {
  const rawKey = header(event, 'idempotency-key');
  const body = parseJsonBody(event);
  const key = rawKey === undefined ? undefined : validate(idempotencyKeySchema, rawKey.trim());
  const input = validate(tipInputSchema, body);
  const bodyHash = sha256(canonical(body));
  if (key) {
    const seen = await ctx.tips.getIdempotency(key);
    if (seen) return replay(seen, bodyHash);
  }
  const tip = buildTip(input, ctx.now());
  const response = { id: tip.id, receivedAt: tip.receivedAt, geocode: tip.geocode };
  const record = key ? { key, bodyHash, statusCode: 201, response: JSON.stringify(response) } : undefined;
  const outcome = await ctx.tips.create(tip, record);
  if (outcome.kind === 'replay') return replay(outcome.record, bodyHash);
  logger.info('tip stored', { tipId: tip.id, channel: tip.channel, precision: tip.geocode.precision });
  return json(201, response);
}

const bboxSchema = z
  .string()
  .transform((s) => s.split(',').map(Number))
  .pipe(
    z
      .tuple([
        z.number().min(-180).max(180),
        z.number().min(-90).max(90),
        z.number().min(-180).max(180),
        z.number().min(-90).max(90),
      ])
      .refine(([w, s, e, n]) => w <= e && s <= n, 'bbox is west,south,east,north'),
  );

const listQuerySchema = z.object({
  since: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(TIP_STATUSES).optional(),
  bbox: bboxSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  next: z.string().max(2048).optional(),
});

/** GET /api/tips (coordinator): newest first, with text and exact location. */
export async function listTips(event: ApiEvent, ctx: AppContext): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  const q = validate(listQuerySchema, query(event));
  const since = q.since ? new Date(q.since).toISOString() : undefined;
  const page = await ctx.tips.list({
    since,
    status: q.status,
    bbox: q.bbox as [number, number, number, number] | undefined,
    limit: q.limit,
    startKey: q.next ? decodeCursor(q.next) : undefined,
  });
  // Audit line: who read how many tips (no tip content).
  logger.info('tips read', {
    count: page.items.length,
    principal: event.requestContext?.authorizer?.claims?.sub ?? 'token',
  });
  const items = page.items.map(({ feed: _feed, cell: _cell, ...tip }) => tip);
  const next = encodeCursor(page.lastKey);
  return json(200, next ? { items, next } : { items });
}

const statusPatchSchema = z.object({ status: z.enum(TIP_STATUSES) }).strict();

/**
 * PATCH /api/tips/{id} (coordinator): set the review status (`new`, `verified`, `referred`,
 * `dismissed`). A dismissed tip leaves its hotspot once the tips stream delivers the change.
 */
export async function setTipStatus(
  event: ApiEvent,
  ctx: AppContext,
  params: Record<string, string>,
): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  const { status } = validate(statusPatchSchema, parseJsonBody(event));
  // Tip ids are UUIDs; anything longer than a key can be is simply unknown (never a DynamoDB 5xx).
  const tip = params.id && params.id.length <= 128 ? await ctx.tips.setStatus(params.id, status, ctx.now()) : undefined;
  if (!tip) throw notFound('no tip with this id');
  // Audit line: who changed which tip to what (no tip content).
  logger.info('tip status set', {
    tipId: tip.id,
    status,
    principal: event.requestContext?.authorizer?.claims?.sub ?? 'token',
  });
  const { feed: _feed, cell: _cell, ...rest } = tip;
  return json(200, rest);
}
