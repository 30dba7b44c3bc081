import type { SmsSender } from '../../shared/ports.js';
import type { Config } from './config.js';
import { OutboxSmsSender } from './outbox-sms-sender.js';

/** The SMS adapter for where we run: the outbox locally, SNS in AWS. */
export function createSmsSender(config: Config): SmsSender {
  if (config.mode === 'local') return new OutboxSmsSender();
  throw new Error('SNS sender not wired yet');
}
