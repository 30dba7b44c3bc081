import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LANGUAGES, type Volunteer } from '../../../shared/types.js';
import { InvalidPhoneError, normalisePhone } from '../../../shared/volunteers/phone.js';
import type { AppContext } from '../../lib/context.js';
import { requireCoordinator } from '../auth.js';
import { badRequest, notFound } from '../errors.js';
import { json, parseJsonBody, validate, type ApiEvent, type ApiResult } from '../http.js';

const volunteerInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    phone: z.string().trim().min(3).max(40),
    location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict(),
    radiusKm: z.number().positive().max(50),
    language: z.enum(LANGUAGES).default('th'),
  })
  .strict();

function phoneOf(input: string): string {
  try {
    return normalisePhone(input);
  } catch (err) {
    if (err instanceof InvalidPhoneError) throw badRequest('validation_failed', 'the request has invalid fields', { phone: err.message });
    throw err;
  }
}

/** POST /api/volunteers (coordinator): register a volunteer; the phone is stored as E.164. */
export async function createVolunteer(event: ApiEvent, ctx: AppContext): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  const input = validate(volunteerInput, parseJsonBody(event));
  const now = ctx.now();
  const volunteer: Volunteer = { id: randomUUID(), ...input, phone: phoneOf(input.phone), status: 'active', createdAt: now, updatedAt: now };
  await ctx.volunteers.put(volunteer);
  return json(201, volunteer);
}

/** GET /api/volunteers (coordinator). */
export async function listVolunteers(event: ApiEvent, ctx: AppContext): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  return json(200, { items: await ctx.volunteers.list() });
}

/** POST /api/volunteers/{id}/opt-out: the volunteer receives no further SMS. */
export async function optOutVolunteer(event: ApiEvent, ctx: AppContext, params: Record<string, string>): Promise<ApiResult> {
  requireCoordinator(event, ctx.config);
  const current = await ctx.volunteers.get(params.id);
  if (!current) throw notFound('no volunteer with this id');
  const updated: Volunteer = { ...current, status: 'opted_out', updatedAt: ctx.now() };
  await ctx.volunteers.put(updated, current);
  return json(200, updated);
}
