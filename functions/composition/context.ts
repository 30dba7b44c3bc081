/**
 * The composition root: builds every adapter from a {@link Config} and hands handlers their
 * ports. Lambda entry points build one per container; the local host and tests build their own.
 */
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type {
  AlertLog,
  Clock,
  DeadLetters,
  GazetteerPort,
  HealthProbe,
  HotspotStore,
  IdSource,
  LogPort,
  MessageSenders,
  OptOutRequests,
  OptOutTokens,
  Pseudonyms,
  RateLimiter,
  SendQueue,
  ServiceAreaPort,
  SnapshotStore,
  TipAuditLog,
  TipStore,
  VolunteerDirectory,
} from '../../shared/core/ports.js';
import { createDynamoClients } from '../lib/dynamo-client.js';
import { DynamoAlertLog } from '../lib/dynamo-alert-log.js';
import { dynamoHealthProbe } from '../lib/dynamo-health-probe.js';
import { DynamoHotspotStore } from '../lib/dynamo-hotspot-store.js';
import { DynamoSnapshotStore } from '../lib/dynamo-snapshot-store.js';
import { DynamoTipAuditLog } from '../lib/dynamo-tip-audit-log.js';
import { DynamoTipStore } from '../lib/dynamo-tip-store.js';
import { DynamoVolunteerDirectory } from '../lib/dynamo-volunteer-directory.js';
import { gazetteerFromFile } from '../lib/gazetteer-file.js';
import { hmacPseudonyms } from '../lib/hmac-pseudonyms.js';
import { kmsPseudonyms } from '../lib/kms-pseudonyms.js';
import { DynamoOptOutStore } from '../lib/dynamo-opt-out-store.js';
import { DynamoRateLimiter } from '../lib/dynamo-rate-limiter.js';
import { keyFile } from '../local/key-file.js';
import { randomIds, systemClock } from '../lib/node-runtime.js';
import { OutboxMessageSender } from '../lib/outbox-message-sender.js';
import { createPowertoolsLog } from '../lib/powertools-log.js';
import { SnsMessageSender } from '../lib/sns-message-sender.js';
import { SqsDeadLetters } from '../lib/sqs-dead-letters.js';
import type { Config } from './config.js';
import { configuredServiceArea } from './service-area.js';

/** Every port a handler may use, built once per process. */
export interface AppContext {
  config: Config;
  clock: Clock;
  ids: IdSource;
  log: LogPort;
  gazetteer: GazetteerPort;
  serviceArea: ServiceAreaPort;
  health: HealthProbe;
  tips: TipStore;
  hotspots: HotspotStore;
  volunteers: VolunteerDirectory;
  alerts: AlertLog;
  senders: MessageSenders;
  deadLetters: DeadLetters;
  sendQueue?: SendQueue;
  pseudonyms: Pseudonyms;
  limiter: RateLimiter;
  optOutRequests: OptOutRequests;
  optOutTokens: OptOutTokens;
  audit: TipAuditLog;
  snapshots: SnapshotStore;
  /** What the use cases are configured with. */
  settings: { publicBaseUrl: string };
  /** Closes the SDK clients (local host restarts, tests). */
  dispose(): void;
}

/** Ports a caller builds itself: the local host's dead letters, a test's clock or recording sender. */
export type ContextOverrides = Partial<Omit<AppContext, 'config' | 'dispose'>>;

/** Builds a context from a configuration; `overrides` replace the adapters they name. */
export function createContext(config: Config, overrides: ContextOverrides = {}): AppContext {
  const clock = overrides.clock ?? systemClock;
  const ids = overrides.ids ?? randomIds;
  const { ddb, doc } = createDynamoClients(config);
  const gazetteer = overrides.gazetteer ?? gazetteerFromFile(config.gazetteerIndexPaths);
  const alerts = overrides.alerts ?? new DynamoAlertLog(doc, config.tables.alerts, clock);
  const clients: Array<{ destroy(): void }> = [ddb];
  const aws = <T extends { destroy(): void }>(client: T) => (clients.push(client), client);
  const pseudonyms =
    overrides.pseudonyms ??
    (config.mode === 'aws' && config.pseudonymKeyId
      ? kmsPseudonyms(aws(new KMSClient({ region: config.region })), config.pseudonymKeyId)
      : hmacPseudonyms(keyFile(config.keysDir && join(config.keysDir, 'pseudonym.key'))));
  const optOuts = new DynamoOptOutStore(doc, config.tables.optOuts);
  return {
    config,
    clock,
    ids,
    log: overrides.log ?? createPowertoolsLog(config.serviceName, config.logLevel),
    gazetteer,
    serviceArea: overrides.serviceArea ?? configuredServiceArea(gazetteer, config),
    health: overrides.health ?? dynamoHealthProbe(ddb, config.tables.tips, gazetteer),
    tips:
      overrides.tips ??
      new DynamoTipStore(doc, { tips: config.tables.tips, idempotency: config.tables.idempotency }, clock),
    hotspots: overrides.hotspots ?? new DynamoHotspotStore(doc, config.tables.hotspots),
    volunteers:
      overrides.volunteers ??
      new DynamoVolunteerDirectory(doc, {
        volunteers: config.tables.volunteers,
        volunteerCells: config.tables.volunteerCells,
      }),
    alerts,
    senders:
      overrides.senders ??
      (config.mode === 'local'
        ? { sms: new OutboxMessageSender(ids) }
        : {
            sms: new SnsMessageSender(aws(new SNSClient({ region: config.region })), {
              senderId: config.sms.senderId,
              maxPriceUsd: config.sms.maxPriceUsd,
            }),
          }),
    deadLetters:
      overrides.deadLetters ??
      new SqsDeadLetters(aws(new SQSClient({ region: config.region })), {
        alert: config.queues.alertDlq ?? '',
        streams: { tips: config.queues.tipsFailures, hotspots: config.queues.hotspotsFailures },
      }),
    sendQueue: overrides.sendQueue,
    pseudonyms,
    limiter: overrides.limiter ?? new DynamoRateLimiter(doc, config.tables.rateLimits, clock, pseudonyms),
    optOutRequests: overrides.optOutRequests ?? optOuts,
    optOutTokens: overrides.optOutTokens ?? optOuts,
    audit: overrides.audit ?? new DynamoTipAuditLog(doc, config.tables.tipAudit, ids),
    snapshots: overrides.snapshots ?? new DynamoSnapshotStore(doc, config.tables.snapshots),
    settings: overrides.settings ?? { publicBaseUrl: config.publicBaseUrl },
    dispose: () => clients.forEach((c) => c.destroy()),
  };
}
