import type { Route } from './router.js';
import { listAlerts } from './routes/alerts.js';
import { geocodeRoute } from './routes/geocode.js';
import { health } from './routes/health.js';
import { checkZone, listHotspots } from './routes/hotspots.js';
import { createTip, listTips } from './routes/tips.js';
import { createVolunteer, listVolunteers, optOutVolunteer } from './routes/volunteers.js';

/** Every HTTP route of the contract (docs/contract.md). */
export const ROUTES: Route[] = [
  { method: 'GET', path: '/api/health', handler: health },
  { method: 'POST', path: '/api/tips', handler: createTip },
  { method: 'GET', path: '/api/tips', handler: listTips },
  { method: 'GET', path: '/api/hotspots', handler: listHotspots },
  { method: 'GET', path: '/api/zones/check', handler: checkZone },
  { method: 'GET', path: '/api/geocode', handler: geocodeRoute },
  { method: 'POST', path: '/api/volunteers', handler: createVolunteer },
  { method: 'GET', path: '/api/volunteers', handler: listVolunteers },
  { method: 'POST', path: '/api/volunteers/{id}/opt-out', handler: optOutVolunteer },
  { method: 'GET', path: '/api/alerts', handler: listAlerts },
];
