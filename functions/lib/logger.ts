import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger. Structured JSON in Lambda and locally; never pass tip text, phone
 * numbers or contact data to it (field-notes: "log once, without PII").
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'phithak' });
