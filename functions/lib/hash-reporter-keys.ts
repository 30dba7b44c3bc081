import { createHash } from 'node:crypto';
import type { ReporterKeys } from '../../shared/core/ports.js';

/** Reporter keys as a hash of the phone's digits. */
export const hashReporterKeys: ReporterKeys = {
  async reporterKey(contactPhone) {
    return createHash('sha256')
      .update(`reporter:${contactPhone.replace(/\D/g, '')}`)
      .digest('hex')
      .slice(0, 16);
  },
};
