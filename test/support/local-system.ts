import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import {
  startLocalSystem as startSystem,
  type LocalSystem,
  type LocalSystemOptions,
} from '../../functions/local/system.js';

/**
 * The real local system for a test file: the run's DynamoDB Local with tables under a
 * fresh prefix, the real handlers, stream pollers and HTTP host on a free port.
 */
export function startTestSystem(opts: LocalSystemOptions = {}): Promise<LocalSystem> {
  return startSystem({
    dynamoEndpoint: inject('dynamoEndpoint'),
    tablePrefix: `t${randomBytes(4).toString('hex')}-`,
    port: 0,
    web: false,
    schedules: false,
    // Tests read the public view right after a change.
    publicSnapshotEveryS: 0,
    ...opts,
  });
}

/** Polls `probe` until it returns a truthy value or the time runs out. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export type { LocalSystem };

/** The same system with the built web app served at `/` (browser tests). */
export function startLocalSystem(opts: LocalSystemOptions = {}): Promise<LocalSystem> {
  return startTestSystem({ web: true, ...opts });
}
