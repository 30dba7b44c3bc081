/** The clock and randomness of a Node process, as ports. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, IdSource } from '../../shared/core/ports.js';

/** Wall-clock time. */
export const systemClock: Clock = { now: () => new Date().toISOString() };

/** Crockford's base32: no I, L, O or U, so a reference read out on the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random UUIDs and tip references like `PT-7K3M-Q2XD` (40 random bits: unguessable enough for a reference, not a secret). */
export const randomIds: IdSource = {
  uuid: () => randomUUID(),
  reference: () => {
    const bytes = randomBytes(8);
    const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
    return `PT-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
  },
};
