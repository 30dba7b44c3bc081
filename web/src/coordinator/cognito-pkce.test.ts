import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { challengeOf, hostedUiOrigin, newVerifier, tokenUser } from './cognito-pkce.js';

describe('PKCE', () => {
  it('derives the S256 challenge: unpadded base64url of the SHA-256 of the verifier', async () => {
    const verifier = newVerifier();
    expect(await challengeOf(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
  });

  it('makes 43-character URL-safe verifiers', () => {
    const v = newVerifier();
    expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newVerifier()).not.toBe(v);
  });
});

describe('hostedUiOrigin and tokenUser', () => {
  it('adds the scheme to a bare Cognito domain', () => {
    const config = { cognitoDomain: 'phithak.auth.ap-southeast-1.amazoncognito.com' } as never;
    expect(hostedUiOrigin(config)).toBe('https://phithak.auth.ap-southeast-1.amazoncognito.com');
  });

  it('reads the user name from an ID token payload, and nothing from garbage', () => {
    const payload = btoa(JSON.stringify({ 'cognito:username': 'somchai' }));
    expect(tokenUser(`h.${payload}.s`)).toBe('somchai');
    expect(tokenUser('not-a-token')).toBe('');
  });
});
