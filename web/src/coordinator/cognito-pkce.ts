/**
 * Cognito hosted sign-in with the authorization-code flow and PKCE (RFC 7636): no SDK, no
 * client secret. The hosted UI asks for the password and the required TOTP code; the app
 * only sees the code it trades for tokens. Tokens stay in sessionStorage (see auth-session).
 */
import type { CognitoConfig } from '../runtime-config.js';

const PENDING_KEY = 'phithak.pkce';

function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh high-entropy verifier (43 characters, the RFC minimum length). */
export function newVerifier(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  return base64Url(random(32));
}

/** `BASE64URL(SHA256(verifier))`, the S256 challenge. */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** `https://<domain>` whether or not the config gave the scheme. */
export function hostedUiOrigin(config: CognitoConfig): string {
  const d = config.cognitoDomain.replace(/\/+$/, '');
  return /^https?:\/\//.test(d) ? d : `https://${d}`;
}

/** Where Cognito sends the browser back: this page, without query or hash. */
export function redirectUri(): string {
  return `${location.origin}/coordinator`;
}

/** Sends the browser to the hosted UI. */
export async function startHostedSignIn(config: CognitoConfig): Promise<void> {
  const verifier = newVerifier();
  const state = newVerifier();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.userPoolClientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    code_challenge_method: 'S256',
    code_challenge: await challengeOf(verifier),
    state,
  });
  location.assign(`${hostedUiOrigin(config)}/oauth2/authorize?${params}`);
}

export interface CognitoTokens {
  idToken: string;
  expiresInS: number;
}

/**
 * Trades `?code=` for tokens when the page is Cognito's redirect; null when it is not.
 * Throws when the state does not match (a forged or stale redirect).
 */
export async function completeHostedSignIn(config: CognitoConfig): Promise<CognitoTokens | null> {
  const url = new URL(location.href);
  const code = url.searchParams.get('code');
  if (!code) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as {
    verifier: string;
    state: string;
  } | null;
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', url.pathname);
  if (!pending || pending.state !== url.searchParams.get('state')) throw new Error('sign-in state mismatch');
  const res = await fetch(`${hostedUiOrigin(config)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.userPoolClientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!res.ok) throw new Error(`token exchange failed (${res.status})`);
  const body = (await res.json()) as { id_token: string; expires_in: number };
  return { idToken: body.id_token, expiresInS: body.expires_in };
}

/** The hosted UI's logout, which ends the Cognito session too. */
export function hostedSignOutUrl(config: CognitoConfig): string {
  const params = new URLSearchParams({ client_id: config.userPoolClientId, logout_uri: redirectUri() });
  return `${hostedUiOrigin(config)}/logout?${params}`;
}

/** The user name in an ID token's payload (display only; the API verifies the token). */
export function tokenUser(idToken: string): string {
  try {
    const payload = JSON.parse(atob(idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Record<
      string,
      string
    >;
    return payload['cognito:username'] ?? payload.email ?? '';
  } catch {
    return '';
  }
}
