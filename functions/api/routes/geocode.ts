import { z } from 'zod';
import { visibleText } from '../../../shared/api/input-text.js';
import { geocode, reverseGeocode } from '../../../shared/geocoder/index.js';
import { badRequest } from '../errors.js';
import { json, validate } from '../http.js';
import { pointQuery } from '../query-schemas.js';
import type { RouteHandler } from '../router.js';

/** The query of a forward geocode, `GET /api/geocode?q=`. */
export const textQuery = z.object({ q: visibleText('q', 1000) }).strict();

/** GET /api/geocode?q= (forward) or ?lat=&lon= (reverse). */
export const geocodeRoute: RouteHandler = async ({ query }, ctx) => {
  if (query.q !== undefined)
    return json(200, geocode(ctx.gazetteer(), validate(textQuery, query).q, ctx.serviceArea()));
  if (query.lat !== undefined || query.lon !== undefined) {
    return json(200, reverseGeocode(ctx.gazetteer(), validate(pointQuery, query), ctx.serviceArea()));
  }
  throw badRequest('missing_query', 'give q=<text> or lat=<lat>&lon=<lon>');
};
