import { z } from 'zod';
import type { VolunteerDetail } from '../../../shared/api/wire.js';
import { sendTestAlert } from '../../../shared/core/dispatch-hotspot-alert.js';
import {
  editVolunteer,
  loadVolunteer,
  optOutVolunteer as optOut,
  registerVolunteer,
} from '../../../shared/core/volunteer-registry.js';
import { volunteerInputSchema, volunteerPatchSchema } from '../../../shared/volunteers/volunteer-input.js';
import { notFound } from '../errors.js';
import { json, parseJsonBody, validate } from '../http.js';
import { noQuery } from '../query-schemas.js';
import type { ApiRequest, RouteHandler } from '../router.js';

const volunteerId = z.uuid();

/** The volunteer id of the path; these routes take no query. */
function idOf(req: ApiRequest): string {
  validate(noQuery, req.query);
  const parsed = volunteerId.safeParse(req.params.id);
  if (!parsed.success) throw notFound('no volunteer with this id');
  return parsed.data.toLowerCase();
}

/** POST /api/volunteers (coordinator): register; the phone is stored as E.164, the home point must be on land. */
export const createVolunteer: RouteHandler = async ({ event, query }, ctx) => {
  validate(noQuery, query);
  return json(201, await registerVolunteer(ctx, validate(volunteerInputSchema, parseJsonBody(event))));
};

/** GET /api/volunteers (coordinator): every volunteer, by name. */
export const listVolunteers: RouteHandler = async ({ query }, ctx) => {
  validate(noQuery, query);
  return json(200, { items: await ctx.volunteers.list() });
};

/** GET /api/volunteers/{id} (coordinator): the profile and its delivery log, newest first. */
export const getVolunteer: RouteHandler = async (req, ctx) => {
  const volunteer = await loadVolunteer(ctx, idOf(req));
  const body: VolunteerDetail = { ...volunteer, alerts: await ctx.alerts.listForVolunteer(volunteer.id, 50) };
  return json(200, body);
};

/** PATCH /api/volunteers/{id} (coordinator): edit any field; `status: "opted_out"` deactivates. */
export const patchVolunteer: RouteHandler = async (req, ctx) =>
  json(200, await editVolunteer(ctx, idOf(req), validate(volunteerPatchSchema, parseJsonBody(req.event))));

/** POST /api/volunteers/{id}/opt-out (coordinator): no further SMS, at once (idempotent). */
export const optOutVolunteer: RouteHandler = async (req, ctx) => json(200, await optOut(ctx, idOf(req)));

/** POST /api/volunteers/{id}/test-alert (coordinator): send a test message now and return its alert record. */
export const testAlert: RouteHandler = async (req, ctx) => {
  const alert = await sendTestAlert(ctx, await loadVolunteer(ctx, idOf(req)));
  return json(alert.status === 'sent' ? 201 : 200, alert);
};
