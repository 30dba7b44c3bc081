import { createHash } from 'node:crypto';
import { z } from 'zod';
import { visibleText } from '../../../shared/api/input-text.js';
import type { Page, TipAuditEntry, TipListItem } from '../../../shared/api/wire.js';
import { openTip, reviewTip, tipAuditTrail } from '../../../shared/core/review-tip.js';
import { submitTip } from '../../../shared/core/submit-tip.js';
import { toTipListItem } from '../../../shared/core/tip-views.js';
import { tipInputSchema } from '../../../shared/tips/tip-input.js';
import { CHANNELS, TIP_CATEGORIES, TIP_STATUSES } from '../../../shared/types.js';
import { notFound } from '../errors.js';
import { header, json, parseJsonBody, validate } from '../http.js';
import { bboxQuery, IN_ORDER, inOrder, noQuery, pageSize, timeRange } from '../query-schemas.js';
import type { ApiRequest, RouteHandler } from '../router.js';

/** A UUID in any case; stored and compared in lower case, so `ABC…` and `abc…` are one key. */
const uuid = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Idempotency-Key must be a UUID')
  .transform((s) => s.toLowerCase());

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

/** POST /api/tips (and the integrators' intake): validate, honour Idempotency-Key, place, store. */
export const createTip: RouteHandler = async ({ event, principal, query }, ctx) => {
  validate(noQuery, query);
  const rawKey = header(event, 'idempotency-key');
  const body = parseJsonBody(event);
  const idempotencyKey = rawKey === undefined ? undefined : validate(uuid, rawKey);
  const input = validate(tipInputSchema, body);
  // An integrator's keys are its own: two gateways may pick the same UUID.
  const scopedKey =
    idempotencyKey && principal.kind === 'integrator' ? `${principal.id}:${idempotencyKey}` : idempotencyKey;
  const result = await submitTip(ctx, { input, idempotencyKey: scopedKey, bodyHash: sha256(canonical(body)) });
  if (result.tip) {
    ctx.log.info('tip stored', {
      tipId: result.tip.id,
      channel: result.tip.channel,
      precision: result.tip.geocode.precision,
      outsideServiceArea: result.tip.outsideServiceArea ?? false,
    });
  }
  return json(result.statusCode, result.body, result.replayed ? { 'idempotent-replayed': 'true' } : {});
};

/** The query of `GET /api/tips`. */
export const listQuerySchema = z
  .object({
    ...timeRange,
    status: z.enum(TIP_STATUSES).optional(),
    category: z.enum(TIP_CATEGORIES).optional(),
    channel: z.enum(CHANNELS).optional(),
    reference: z
      .string()
      .regex(/^PT-[0-9A-Z]{4}-[0-9A-Z]{4}$/i, 'reference looks like PT-7K3M-Q2XD')
      .transform((s) => s.toUpperCase())
      .optional(),
    bbox: bboxQuery.optional(),
    limit: pageSize(1000).optional(),
    next: z.string().max(2048).optional(),
  })
  .strict()
  .refine(inOrder, IN_ORDER);

/** GET /api/tips (coordinator): newest first, with text and exact location, never contact. */
export const listTips: RouteHandler = async ({ query, principal }, ctx) => {
  const q = validate(listQuerySchema, query);
  const page = await ctx.tips.list({
    since: q.since,
    until: q.until,
    status: q.status,
    category: q.category,
    channel: q.channel,
    reference: q.reference,
    bbox: q.bbox,
    limit: q.limit ?? 50,
    after: q.next,
  });
  // Audit line: who read how many tips (no tip content).
  ctx.log.info('tips read', { count: page.items.length, principal: principalId(principal) });
  const body: Page<TipListItem> = { items: page.items.map(toTipListItem), ...(page.next ? { next: page.next } : {}) };
  return json(200, body);
};

const tipId = z.uuid();

function tipIdOf(req: ApiRequest): string {
  const parsed = tipId.safeParse(req.params.id);
  if (!parsed.success) throw notFound('no tip with this id');
  return parsed.data.toLowerCase();
}

const principalId = (p: ApiRequest['principal']) => (p.kind === 'anonymous' ? 'anonymous' : p.id);

/** GET /api/tips/{id} (coordinator): the detail, contact included; the read is audited. */
export const getTip: RouteHandler = async (req, ctx) => {
  validate(noQuery, req.query);
  return json(200, await openTip(ctx, tipIdOf(req), principalId(req.principal)));
};

/** GET /api/tips/{id}/audit (coordinator): who read that tip's detail, and when. */
export const tipAudit: RouteHandler = async (req, ctx) => {
  validate(noQuery, req.query);
  const records = await tipAuditTrail(ctx, tipIdOf(req));
  const body: Page<TipAuditEntry> = { items: records.map(({ at, by, what }) => ({ at, by, what })) };
  return json(200, body);
};

/** The body of `PATCH /api/tips/{id}`. */
export const statusPatchSchema = z
  .object({ status: z.enum(TIP_STATUSES), note: visibleText('note', 500).optional() })
  .strict();

/** PATCH /api/tips/{id} (coordinator): review status with an optional note. */
export const setTipStatus: RouteHandler = async (req, ctx) => {
  validate(noQuery, req.query);
  const change = validate(statusPatchSchema, parseJsonBody(req.event));
  const item = await reviewTip(ctx, tipIdOf(req), change, principalId(req.principal));
  // Audit line: who changed which tip to what (no tip content).
  ctx.log.info('tip status set', { tipId: item.id, status: change.status, principal: principalId(req.principal) });
  return json(200, item);
};
