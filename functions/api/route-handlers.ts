/** Every handler of the route table (`shared/api/routes.ts`), by key. */
import type { RouteHandlers } from './router.js';
import { listAlerts } from './routes/alerts.js';
import { geocodeRoute } from './routes/geocode.js';
import { health } from './routes/health.js';
import { checkZone, hotspotLink, listCoordinatorHotspots, listHotspots } from './routes/hotspots.js';
import { confirmOptOut, publicOptOut } from './routes/opt-out.js';
import { createTip, getTip, listTips, setTipStatus, tipAudit } from './routes/tips.js';
import {
  createVolunteer,
  getVolunteer,
  listVolunteers,
  optOutVolunteer,
  patchVolunteer,
  testAlert,
} from './routes/volunteers.js';

export const ROUTE_HANDLERS: RouteHandlers = {
  health,
  createTip,
  listTips,
  getTip,
  tipAudit,
  setTipStatus,
  listHotspots,
  hotspotLink,
  coordinatorHotspots: listCoordinatorHotspots,
  checkZone,
  geocode: geocodeRoute,
  createVolunteer,
  listVolunteers,
  getVolunteer,
  patchVolunteer,
  optOutVolunteer,
  testAlert,
  listAlerts,
  publicOptOut,
  confirmOptOut,
};
