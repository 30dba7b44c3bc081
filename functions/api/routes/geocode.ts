import { z } from 'zod';
import { geocode, reverseGeocode } from '../../../shared/geocoder/index.js';
import { loadGazetteer } from '../../lib/gazetteer.js';
import { badRequest } from '../errors.js';
import { json, query, validate, type ApiEvent, type ApiResult } from '../http.js';

const textQuery = z.object({ q: z.string().trim().min(1, 'q must not be empty').max(1000) });
const pointQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
});

/** GET /api/geocode?q= (forward) or ?lat=&lon= (reverse). */
export async function geocodeRoute(event: ApiEvent): Promise<ApiResult> {
  const q = query(event);
  if (q.q !== undefined) return json(200, geocode(loadGazetteer(), validate(textQuery, { q: q.q }).q));
  if (q.lat !== undefined || q.lon !== undefined) {
    return json(200, reverseGeocode(loadGazetteer(), validate(pointQuery, { lat: q.lat, lon: q.lon })));
  }
  throw badRequest('missing_query', 'give q=<text> or lat=<lat>&lon=<lon>');
}
