import { createHash, timingSafeEqual } from 'node:crypto';
import type { RouteAccess } from '../../shared/api/routes.js';
import type { Config } from '../composition/config.js';
import { forbidden, HttpError, unauthorized } from './errors.js';
import { header, type ApiEvent } from './http.js';

/** Who is calling. */
export type Principal =
  { kind: 'anonymous' } | { kind: 'coordinator'; id: string } | { kind: 'integrator'; id: string };

/** SHA-256 of a secret: equal-length inputs for `timingSafeEqual`, so the comparison leaks neither content nor length. */
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time equality of two secrets of any length. */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

type AuthConfig = Pick<Config, 'authMode' | 'coordinatorToken' | 'coordinatorGroup'> & {
  integratorKeys?: Readonly<Record<string, string>>;
};

function groupsOf(claims: Record<string, unknown>): string[] {
  const raw = claims['cognito:groups'];
  if (Array.isArray(raw)) return raw.map(String);
  // API Gateway passes list claims as "[a b]" or "a,b" strings.
  return typeof raw === 'string'
    ? raw
        .replace(/^\[|\]$/g, '')
        .split(/[\s,]+/)
        .filter(Boolean)
    : [];
}

function coordinator(event: ApiEvent, config: AuthConfig): Principal {
  if (config.authMode === 'cognito') {
    const claims = event.requestContext?.authorizer?.claims as Record<string, unknown> | undefined;
    if (!claims) throw unauthorized();
    if (!groupsOf(claims).includes(config.coordinatorGroup)) {
      throw forbidden(`this route needs membership of the "${config.coordinatorGroup}" group`);
    }
    return { kind: 'coordinator', id: String(claims['cognito:username'] ?? claims.sub ?? 'unknown') };
  }
  const given = /^Bearer\s+(.+)$/i.exec(header(event, 'authorization') ?? '')?.[1]?.trim();
  const expected = config.coordinatorToken;
  if (!given || !expected || !secretsEqual(given, expected)) throw unauthorized();
  return { kind: 'coordinator', id: 'token' };
}

function integrator(event: ApiEvent, config: AuthConfig): Principal {
  // In AWS, API Gateway has checked the key against its usage plan before invoking us.
  const keyId = event.requestContext?.identity?.apiKeyId;
  if (config.authMode === 'cognito' && keyId) return { kind: 'integrator', id: keyId };
  const given = header(event, 'x-api-key');
  for (const [name, key] of Object.entries(config.integratorKeys ?? {})) {
    if (given && secretsEqual(given, key)) return { kind: 'integrator', id: name };
  }
  throw new HttpError(401, 'unauthorized', 'this route needs an integrator API key: X-Api-Key: <key>');
}

/** The caller of a route with this access level; throws 401/403 when they may not call it. */
export function authenticate(event: ApiEvent, access: RouteAccess, config: AuthConfig): Principal {
  if (access === 'public') return { kind: 'anonymous' };
  return access === 'coordinator' ? coordinator(event, config) : integrator(event, config);
}
