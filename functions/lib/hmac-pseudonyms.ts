import { createHmac } from 'node:crypto';
import type { Pseudonyms } from '../../shared/core/ports.js';

/**
 * Pseudonyms as HMAC-SHA256 with a secret key (a key file locally, a secret in AWS), cut to
 * 16 bytes: without the key, the Thai mobile number space cannot be tried against them.
 */
export function hmacPseudonyms(secret: () => Promise<Buffer>): Pseudonyms {
  return {
    async of(purpose, value) {
      return createHmac('sha256', await secret())
        .update(`${purpose}:${value}`)
        .digest('base64url')
        .slice(0, 22);
    },
  };
}
