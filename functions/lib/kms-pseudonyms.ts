import { GenerateMacCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { Pseudonyms } from '../../shared/core/ports.js';

/**
 * Pseudonyms as HMAC-SHA256 by an AWS KMS HMAC key (`GenerateMac`): the key never leaves KMS,
 * so nothing in the account can try the Thai number space against stored pseudonyms.
 */
export function kmsPseudonyms(kms: KMSClient, keyId: string): Pseudonyms {
  return {
    async of(purpose, value) {
      const out = await kms.send(
        new GenerateMacCommand({
          KeyId: keyId,
          MacAlgorithm: 'HMAC_SHA_256',
          Message: new TextEncoder().encode(`${purpose}:${value}`),
        }),
      );
      if (!out.Mac) throw new Error('KMS GenerateMac returned no MAC');
      return Buffer.from(out.Mac).toString('base64url').slice(0, 22);
    },
  };
}
