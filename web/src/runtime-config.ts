/**
 * The deployment's runtime config, `/runtime-config.json`, published beside the app: the
 * local host serves `{"authMode":"token"}`, AWS adds the Cognito pool and an optional tile
 * basemap. Anything missing or malformed means token mode with the offline basemap.
 */
import { setApiBase } from './api.js';

export interface TokenConfig {
  authMode: 'token';
  apiBase: string;
  basemapStyleUrl?: string;
}

export interface CognitoConfig {
  authMode: 'cognito';
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** Hosted UI domain, with or without `https://`. */
  cognitoDomain: string;
  apiBase: string;
  basemapStyleUrl?: string;
}

export type RuntimeConfig = TokenConfig | CognitoConfig;

const TOKEN_MODE: TokenConfig = { authMode: 'token', apiBase: '/api' };

const str = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Reads a parsed config; pure, so the rules are tested without a server. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (!raw || typeof raw !== 'object') return TOKEN_MODE;
  const c = raw as Record<string, unknown>;
  const apiBase = str(c.apiBase) ? c.apiBase : '/api';
  const basemapStyleUrl = str(c.basemapStyleUrl) ? c.basemapStyleUrl : undefined;
  const extra = basemapStyleUrl ? { basemapStyleUrl } : {};
  if (
    c.authMode === 'cognito' &&
    str(c.region) &&
    str(c.userPoolId) &&
    str(c.userPoolClientId) &&
    str(c.cognitoDomain)
  ) {
    return {
      authMode: 'cognito',
      region: c.region,
      userPoolId: c.userPoolId,
      userPoolClientId: c.userPoolClientId,
      cognitoDomain: c.cognitoDomain,
      apiBase,
      ...extra,
    };
  }
  return { authMode: 'token', apiBase, ...extra };
}

let loaded: Promise<RuntimeConfig> | undefined;

/** Fetches the config once per page. */
export function runtimeConfig(): Promise<RuntimeConfig> {
  loaded ??= fetch(new URL('/runtime-config.json', document.baseURI), { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : null))
    .then(parseRuntimeConfig)
    .then((config) => {
      // Both hosts publish `/api` (same origin); a deployment may put the API elsewhere.
      setApiBase(config.apiBase);
      return config;
    })
    // The single-page fallback answers HTML for a missing file: not JSON, so token mode.
    .catch(() => TOKEN_MODE);
  return loaded;
}
