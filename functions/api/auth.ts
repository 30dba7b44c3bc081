import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../lib/config.js';
import { unauthorized } from './errors.js';
import { header, type ApiEvent } from './http.js';

/**
 * Throws 401 unless the request comes from a coordinator. In AWS, API Gateway's Cognito
 * authorizer has already checked the JWT and put its claims on the event; locally, the
 * bearer token must equal `COORDINATOR_TOKEN`.
 */
export function requireCoordinator(event: ApiEvent, config: Pick<Config, 'authMode' | 'coordinatorToken'>): void {
  if (config.authMode === 'cognito') {
    if (!event.requestContext?.authorizer?.claims) throw unauthorized();
    return;
  }
  const given = /^Bearer\s+(.+)$/i.exec(header(event, 'authorization') ?? '')?.[1]?.trim();
  const expected = config.coordinatorToken;
  if (!given || !expected) throw unauthorized();
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw unauthorized();
}
