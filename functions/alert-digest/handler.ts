import type { Context } from 'aws-lambda';
import { sendDueDigests } from '../lib/alert-digest.js';
import { getContext } from '../lib/context.js';
import { logger } from '../lib/logger.js';

/**
 * Scheduled (EventBridge, every 15 minutes; locally a timer): sends the alerts held back
 * by quiet hours whose hours have ended, one digest SMS per volunteer.
 */
export async function handler(
  _event?: unknown,
  context?: Context,
): Promise<{ digests: number; alerts: number; optedOut: number }> {
  if (context) logger.addContext(context);
  const result = await sendDueDigests(getContext());
  logger.info('quiet-hours digests', result);
  return result;
}
