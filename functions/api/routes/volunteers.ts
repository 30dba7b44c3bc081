import { randomUUID } from 'node:crypto';
import { volunteerInputSchema, volunteerPatchSchema } from '../../../shared/volunteers/volunteer-input.js';
import type { Volunteer } from '../../../shared/types.js';
import { sendTestAlert } from '../../lib/alert-delivery.js';
import type { AppContext } from '../../lib/context.js';
import { VolunteerConflictError } from '../../lib/volunteers-repo.js';
import { requireCoordinator } from '../auth.js';
import { HttpError, notFound } from '../errors.js';
import { json, parseJsonBody, validate, type ApiEvent, type ApiResult } from '../http.js';

async function load(ctx: AppContext, id: string | undefined): Promise<Volunteer> {
  const v = id ? await ctx.volunteers.get(id) : undefined;
  if (!v) throw notFound('no volunteer with this id');
  return v;
}

async function save(ctx: AppContext, next: Volunteer, previous: Volunteer): Promise<void> {
  try {
    await ctx.volunteers.put(next, previous);
  } catch (err) {
    if (err instanceof VolunteerConflictError)
      throw new HttpError(409, 'conflict', err.message, undefined, { cause: err });
    throw err;
  }
}

/** POST /api/volunteers (coordinator): register a volunteer; the phone is stored as E.164. */
export async function createVolunteer(event: ApiEvent, ctx: AppContext): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  const input = validate(volunteerInputSchema, parseJsonBody(event));
  const now = ctx.now();
  const volunteer: Volunteer = { id: randomUUID(), ...input, status: 'active', createdAt: now, updatedAt: now };
  await ctx.volunteers.put(volunteer);
  return json(201, volunteer);
}

/** GET /api/volunteers (coordinator): every volunteer, by name. */
export async function listVolunteers(event: ApiEvent, ctx: AppContext): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  return json(200, { items: await ctx.volunteers.list() });
}

/** GET /api/volunteers/{id} (coordinator): the profile and its delivery log, newest first. */
export async function getVolunteer(
  event: ApiEvent,
  ctx: AppContext,
  params: Record<string, string>,
): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  const volunteer = await load(ctx, params.id);
  return json(200, { ...volunteer, alerts: await ctx.alerts.listForVolunteer(volunteer.id, 50) });
}

/** PATCH /api/volunteers/{id} (coordinator): edit any field; `status: "opted_out"` deactivates. */
export async function patchVolunteer(
  event: ApiEvent,
  ctx: AppContext,
  params: Record<string, string>,
): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  const patch = validate(volunteerPatchSchema, parseJsonBody(event));
  const current = await load(ctx, params.id);
  const { quietHours, ...rest } = patch;
  const next: Volunteer = { ...current, ...rest, updatedAt: ctx.now() };
  if (quietHours === null) delete next.quietHours;
  else if (quietHours) next.quietHours = quietHours;
  await save(ctx, next, current);
  return json(200, next);
}

/** POST /api/volunteers/{id}/opt-out: the volunteer receives no further SMS (idempotent). */
export async function optOutVolunteer(
  event: ApiEvent,
  ctx: AppContext,
  params: Record<string, string>,
): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  const current = await load(ctx, params.id);
  if (current.status === 'opted_out') return json(200, current);
  const updated: Volunteer = { ...current, status: 'opted_out', updatedAt: ctx.now() };
  await save(ctx, updated, current);
  return json(200, updated);
}

/** POST /api/volunteers/{id}/test-alert (coordinator): send a test SMS now and return its alert record. */
export async function testAlert(event: ApiEvent, ctx: AppContext, params: Record<string, string>): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  const volunteer = await load(ctx, params.id);
  const alert = await sendTestAlert(ctx, volunteer);
  return json(alert.status === 'sent' ? 201 : 200, alert);
}
