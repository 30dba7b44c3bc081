import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bytes of a local secret key (256 bits). */
const KEY_BYTES = 32;

/**
 * A secret key in a file only this user can read (mode 0600, in a 0700 folder under
 * `DATA_DIR`), created on first use and kept across restarts, so pseudonyms and sealed
 * contacts stay readable. Without a path the key lives in memory for this process only.
 */
export function keyFile(path: string | undefined): () => Promise<Buffer> {
  let key: Buffer | undefined;
  return async () => {
    if (key) return key;
    if (!path) return (key = randomBytes(KEY_BYTES));
    try {
      key = readFileSync(path);
    } catch {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
      key = readFileSync(path);
    }
    chmodSync(path, 0o600);
    if (key.length !== KEY_BYTES) throw new Error(`the key file ${path} is damaged: expected ${KEY_BYTES} bytes`);
    return key;
  };
}
