/**
 * Signing in, the first thing `/coordinator` shows. Locally: the token the host printed,
 * checked against the API before it is kept. In AWS: the Cognito hosted UI, which asks for
 * the password and the required TOTP code (authorization code + PKCE).
 */
import { endpoints, setBearer } from '../api.js';
import { ApiError } from '../http-client.js';
import { field, h, replaceChildren } from '../dom.js';
import { live } from '../i18n/i18n.js';
import type { RuntimeConfig } from '../runtime-config.js';
import { saveSession, type Session } from './auth-session.js';
import { completeHostedSignIn, startHostedSignIn, tokenUser } from './cognito-pkce.js';

/** Finishes a Cognito redirect if this page is one; the session, or null. */
export async function sessionFromRedirect(config: RuntimeConfig): Promise<Session | null> {
  if (config.authMode !== 'cognito') return null;
  const tokens = await completeHostedSignIn(config);
  if (!tokens) return null;
  const session = {
    token: tokens.idToken,
    user: tokenUser(tokens.idToken),
    expiresAt: Date.now() + tokens.expiresInS * 1000,
  };
  saveSession(session);
  return session;
}

/** Renders the sign-in screen in `root`; `signedIn` is called with the new session. */
export function renderSignIn(
  root: HTMLElement,
  config: RuntimeConfig,
  signedIn: (s: Session) => void,
  problem?: 'expired' | 'failed',
): void {
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  if (problem) {
    result.className = 'result error';
    replaceChildren(result, live(problem === 'expired' ? 'coord.sessionExpired' : 'coord.signInFailed'));
  }
  let body: HTMLElement;
  if (config.authMode === 'cognito') {
    body = h(
      'div',
      {},
      h('p', {}, live('coord.cognitoIntro')),
      h(
        'button',
        { type: 'button', class: 'primary cognito-sign-in', onclick: () => void startHostedSignIn(config) },
        live('coord.cognitoButton'),
      ),
    );
  } else {
    const token = h('input', { name: 'token', type: 'password', autocomplete: 'off', required: true });
    body = h(
      'form',
      { class: 'token-form', novalidate: true },
      field(live('coord.tokenLabel'), token, live('coord.tokenHint')),
      h('button', { type: 'submit', class: 'primary' }, live('coord.signIn')),
    );
    body.addEventListener('submit', async (e) => {
      e.preventDefault();
      const value = token.value.trim();
      if (!value) return;
      setBearer(() => value);
      try {
        // The cheapest coordinator call: it proves the token before the console opens.
        await endpoints.tips({ limit: 1 });
      } catch (err) {
        setBearer(() => undefined);
        result.className = 'result error';
        return replaceChildren(
          result,
          live(err instanceof ApiError && err.status === 401 ? 'coord.tokenRefused' : 'common.offline'),
        );
      }
      const session = { token: value, user: 'token' };
      saveSession(session);
      signedIn(session);
    });
  }
  replaceChildren(
    root,
    h(
      'section',
      { class: 'sign-in', 'aria-labelledby': 'sign-in-heading' },
      h('h1', { id: 'sign-in-heading' }, live('coord.signInHeading')),
      body,
      result,
    ),
  );
  root.querySelector<HTMLElement>('input, button')?.focus();
}
