import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readConfig, type Config } from './config.js';
import { createDynamoClients } from './dynamo.js';
import type { AlertDeadLetterQueue } from '../../shared/alerts/dead-letter.js';
import type { SmsSender } from '../../shared/ports.js';
import { AlertsRepo } from './alerts-repo.js';
import { HotspotsRepo } from './hotspots-repo.js';
import { createDeadLetterQueue, createSmsSender } from './sms-sender.js';
import { TipsRepo } from './tips-repo.js';
import { VolunteersRepo } from './volunteers-repo.js';

/** Everything a handler needs, built once per process from the environment. */
export interface AppContext {
  config: Config;
  doc: DynamoDBDocumentClient;
  tips: TipsRepo;
  hotspots: HotspotsRepo;
  volunteers: VolunteersRepo;
  alerts: AlertsRepo;
  sms: SmsSender;
  /** Where SMS that exhaust their retries go (SQS in AWS, the alert log locally). */
  deadLetters: AlertDeadLetterQueue;
  /** The current time as ISO 8601; injectable for tests. */
  now: () => string;
}

/** Builds a context from a configuration (tests pass their own). */
export function createContext(config: Config = readConfig()): AppContext {
  const { doc } = createDynamoClients(config);
  const alerts = new AlertsRepo(doc, config.tables.alerts);
  return {
    config,
    doc,
    tips: new TipsRepo(doc, { tips: config.tables.tips, idempotency: config.tables.idempotency }),
    hotspots: new HotspotsRepo(doc, config.tables.hotspots),
    volunteers: new VolunteersRepo(doc, {
      volunteers: config.tables.volunteers,
      volunteerCells: config.tables.volunteerCells,
    }),
    alerts,
    sms: createSmsSender(config),
    deadLetters: createDeadLetterQueue(config, alerts),
    now: () => new Date().toISOString(),
  };
}

let current: AppContext | undefined;

/** The process-wide context, created from `process.env` on first use. */
export function getContext(): AppContext {
  current ??= createContext();
  return current;
}

/** Forgets the process-wide context, so the next `getContext()` reads the environment again (local host restarts). */
export function resetContext(): void {
  current = undefined;
}
