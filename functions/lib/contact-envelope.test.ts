import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { envelopeSealer, localKeyWrapper } from './contact-envelope.js';
import { kmsKeyWrapper } from './kms-key-wrapper.js';

const contact = { phone: '+66812345678', consentToContact: true };
const master = randomBytes(32);

describe('envelope sealing of contact data', () => {
  const sealer = envelopeSealer(localKeyWrapper(async () => master));

  it('opens what it sealed, and the sealed form holds no part of the number', async () => {
    const sealed = await sealer.seal(contact, 'tip-1');
    expect(JSON.stringify(sealed)).not.toMatch(/812345678|66812/);
    expect(await sealer.open(sealed, 'tip-1')).toEqual(contact);
  });

  it('uses a fresh data key and iv each time', async () => {
    const [a, b] = [await sealer.seal(contact, 'tip-1'), await sealer.seal(contact, 'tip-1')];
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('refuses a contact moved to another tip, a tampered ciphertext, or another master key', async () => {
    const sealed = await sealer.seal(contact, 'tip-1');
    await expect(sealer.open(sealed, 'tip-2')).rejects.toThrow();
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] ^= 1;
    await expect(sealer.open({ ...sealed, ciphertext: flipped.toString('base64') }, 'tip-1')).rejects.toThrow();
    const other = envelopeSealer(localKeyWrapper(async () => randomBytes(32)));
    await expect(other.open(sealed, 'tip-1')).rejects.toThrow();
  });

  it('in AWS takes its data keys from KMS, bound to the tip id as encryption context', async () => {
    const kms = mockClient(KMSClient);
    const dataKey = randomBytes(32);
    kms
      .on(GenerateDataKeyCommand)
      .resolves({ Plaintext: new Uint8Array(dataKey), CiphertextBlob: new Uint8Array([1, 2, 3]) });
    kms.on(DecryptCommand).resolves({ Plaintext: new Uint8Array(dataKey) });
    const aws = envelopeSealer(kmsKeyWrapper(new KMSClient({ region: 'ap-southeast-1' }), 'key-1'));
    const sealed = await aws.seal(contact, 'tip-9');
    expect(await aws.open(sealed, 'tip-9')).toEqual(contact);
    expect(kms.commandCalls(GenerateDataKeyCommand)[0]!.args[0].input).toEqual({
      KeyId: 'key-1',
      KeySpec: 'AES_256',
      EncryptionContext: { tipId: 'tip-9' },
    });
    expect(kms.commandCalls(DecryptCommand)[0]!.args[0].input.EncryptionContext).toEqual({ tipId: 'tip-9' });
    kms.restore();
  });
});
