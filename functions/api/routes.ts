import type { Route } from './router.js';
import { listAlerts } from './routes/alerts.js';
import { geocodeRoute } from './routes/geocode.js';
import { health } from './routes/health.js';
import { checkZone, listHotspots } from './routes/hotspots.js';
import { publicOptOut } from './routes/opt-out.js';
import { createTip, listTips, setTipStatus } from './routes/tips.js';
import {
  createVolunteer,
  getVolunteer,
  listVolunteers,
  optOutVolunteer,
  patchVolunteer,
  testAlert,
} from './routes/volunteers.js';

/** Every HTTP route of the contract (docs/contract.md). */
export const ROUTES: Route[] = [
  { method: 'GET', path: '/api/health', handler: health },
  { method: 'POST', path: '/api/tips', handler: createTip },
  { method: 'GET', path: '/api/tips', handler: listTips },
  { method: 'PATCH', path: '/api/tips/{id}', handler: setTipStatus },
  { method: 'GET', path: '/api/hotspots', handler: listHotspots },
  { method: 'GET', path: '/api/zones/check', handler: checkZone },
  { method: 'GET', path: '/api/geocode', handler: geocodeRoute },
  { method: 'POST', path: '/api/volunteers', handler: createVolunteer },
  { method: 'GET', path: '/api/volunteers', handler: listVolunteers },
  { method: 'GET', path: '/api/volunteers/{id}', handler: getVolunteer },
  { method: 'PATCH', path: '/api/volunteers/{id}', handler: patchVolunteer },
  { method: 'POST', path: '/api/volunteers/{id}/opt-out', handler: optOutVolunteer },
  { method: 'POST', path: '/api/volunteers/{id}/test-alert', handler: testAlert },
  { method: 'GET', path: '/api/alerts', handler: listAlerts },
  { method: 'POST', path: '/api/opt-out', handler: publicOptOut },
];
