import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { KeyWrapper } from './contact-envelope.js';

/**
 * Data keys from AWS KMS (`GenerateDataKey`, AES_256), unwrapped by `Decrypt`; the tip id is
 * the encryption context, so CloudTrail shows which tip each decryption was for.
 */
export function kmsKeyWrapper(kms: KMSClient, keyId: string): KeyWrapper {
  const context = (tipId: string) => ({ tipId });
  return {
    async newDataKey(tipId) {
      const out = await kms.send(
        new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context(tipId) }),
      );
      if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS GenerateDataKey returned no key');
      return { plaintext: Buffer.from(out.Plaintext), wrapped: Buffer.from(out.CiphertextBlob) };
    },
    async unwrap(wrapped, tipId) {
      const out = await kms.send(
        new DecryptCommand({ KeyId: keyId, CiphertextBlob: wrapped, EncryptionContext: context(tipId) }),
      );
      if (!out.Plaintext) throw new Error('KMS Decrypt returned no key');
      return Buffer.from(out.Plaintext);
    },
  };
}
