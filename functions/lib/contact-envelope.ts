/**
 * Envelope encryption of tip contact data: each record gets a fresh 256-bit data key, the
 * contact is encrypted with it (AES-256-GCM, the tip id as additional data), and the data key
 * is wrapped by a master key: KMS in AWS (`kms-contact-sealer.ts`), a local key file otherwise.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ContactSealer, SealedContact } from '../../shared/core/ports.js';
import type { Tip } from '../../shared/types.js';

type Contact = NonNullable<Tip['contact']>;

/** Wraps and unwraps data keys with the master key. */
export interface KeyWrapper {
  /** A new data key and its wrapped form. */
  newDataKey(context: string): Promise<{ plaintext: Buffer; wrapped: Buffer }>;
  unwrap(wrapped: Buffer, context: string): Promise<Buffer>;
}

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

/** A {@link ContactSealer} over a key wrapper. */
export function envelopeSealer(keys: KeyWrapper): ContactSealer {
  return {
    async seal(contact: Contact, context: string): Promise<SealedContact> {
      const { plaintext, wrapped } = await keys.newDataKey(context);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', plaintext, iv).setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(contact), 'utf8'), cipher.final()]);
      plaintext.fill(0);
      return {
        v: 1,
        wrappedKey: b64(wrapped),
        iv: b64(iv),
        tag: b64(cipher.getAuthTag()),
        ciphertext: b64(ciphertext),
      };
    },
    async open(sealed: SealedContact, context: string): Promise<Contact> {
      const key = await keys.unwrap(unb64(sealed.wrappedKey), context);
      const decipher = createDecipheriv('aes-256-gcm', key, unb64(sealed.iv)).setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(unb64(sealed.tag));
      const plain = Buffer.concat([decipher.update(unb64(sealed.ciphertext)), decipher.final()]).toString('utf8');
      key.fill(0);
      return JSON.parse(plain) as Contact;
    },
  };
}

/**
 * Data keys wrapped locally by a 256-bit master key from a file only this user can read
 * (AES-256-GCM; the wrapped form is iv + tag + wrapped key).
 */
export function localKeyWrapper(masterKey: () => Promise<Buffer>): KeyWrapper {
  return {
    async newDataKey(context) {
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', await masterKey(), iv).setAAD(Buffer.from(context, 'utf8'));
      const wrapped = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { plaintext, wrapped: Buffer.concat([iv, cipher.getAuthTag(), wrapped]) };
    },
    async unwrap(wrapped, context) {
      const decipher = createDecipheriv('aes-256-gcm', await masterKey(), wrapped.subarray(0, 12)).setAAD(
        Buffer.from(context, 'utf8'),
      );
      decipher.setAuthTag(wrapped.subarray(12, 28));
      return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
    },
  };
}
