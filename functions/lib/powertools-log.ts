import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { LogPort } from '../../shared/core/ports.js';

/**
 * The logger: Powertools' structured JSON in Lambda and locally (its level from the configuration). Never pass tip text, phone numbers, names or contact data to it.
 */
export function createPowertoolsLog(serviceName: string, logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'): LogPort {
  const logger = new Logger({ serviceName, logLevel });
  return {
    addContext: (context) => logger.addContext(context as Context),
    info: (message, fields) => logger.info(message, fields ?? {}),
    warn: (message, fields) => logger.warn(message, fields ?? {}),
    error: (message, fields) => logger.error(message, fields ?? {}),
  };
}
