/**
 * The composition root: builds every adapter from a {@link Config} and hands handlers their
 * ports. Lambda entry points build one per container; the local host and tests build their own.
 */
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { recordDeliveryReceipt } from '../../shared/core/record-delivery-receipt.js';
import type {
  AlertLog,
  Clock,
  DeadLetters,
  GazetteerPort,
  HealthProbe,
  HotspotStore,
  IdSource,
  LogPort,
  MessageSender,
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
import { envelopeSealer, localKeyWrapper } from '../lib/contact-envelope.js';
import { kmsKeyWrapper } from '../lib/kms-key-wrapper.js';
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
import { EumMessageSender } from '../lib/eum-message-sender.js';
import { meteredSender } from '../lib/metered-message-sender.js';
import { createPowertoolsTelemetry, noTelemetry, type Telemetry } from '../lib/powertools-telemetry.js';
import { SnsMessageSender } from '../lib/sns-message-sender.js';
import { SqsDeadLetters } from '../lib/sqs-dead-letters.js';
import { SqsSendQueue } from '../lib/sqs-send-queue.js';
import type { Config } from './config.js';
import { configuredServiceArea } from './configured-service-area.js';

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
  /** Metrics and traces (Powertools in Lambda; a no-op locally). */
  telemetry: Telemetry;
  /** Closes the SDK clients (local host restarts, tests). */
  dispose(): void;
}

/** Ports a caller builds itself: the local host's dead letters, a test's clock or recording sender. */
export type ContextOverrides = Partial<Omit<AppContext, 'config' | 'dispose'>> & {
  /** Called with the DynamoDB client before any use (the cost model adds a capacity-counting middleware). */
  instrumentDynamo?: (client: DynamoDBClient) => void;
};

type Keep = <T extends { destroy(): void }>(client: T) => T;

/** Pseudonyms by the KMS HMAC key in AWS, by the local key file otherwise. */
function pseudonymsOf(config: Config, aws: Keep): Pseudonyms {
  return config.mode === 'aws' && config.pseudonymKeyId
    ? kmsPseudonyms(aws(new KMSClient({ region: config.region })), config.pseudonymKeyId)
    : hmacPseudonyms(keyFile(config.keysDir && join(config.keysDir, 'pseudonym.key')));
}

/** Tips in DynamoDB, contacts sealed by KMS data keys in AWS, by the local key file otherwise. */
function tipStoreOf(doc: DynamoDBDocumentClient, config: Config, clock: Clock, aws: Keep): TipStore {
  const keys =
    config.mode === 'aws' && config.contactKeyId
      ? kmsKeyWrapper(aws(new KMSClient({ region: config.region })), config.contactKeyId)
      : localKeyWrapper(keyFile(config.keysDir && join(config.keysDir, 'contact-master.key')));
  const { tips, idempotency, tipContacts } = config.tables;
  return new DynamoTipStore(doc, { tips, idempotency, tipContacts }, clock, envelopeSealer(keys), config.retention);
}

/** Powertools metrics and traces in AWS; locally there is no collector, so a no-op. */
function telemetryOf(config: Config): Telemetry {
  return config.mode === 'aws'
    ? createPowertoolsTelemetry({ namespace: config.metricsNamespace, serviceName: config.serviceName })
    : noTelemetry;
}

/**
 * The SQS queues, each unless overridden: dead letters always (the local host passes its own),
 * the send queue only in AWS where one is configured (otherwise alerts are sent inline).
 */
function queuesOf(
  config: Config,
  overrides: ContextOverrides,
  aws: Keep,
): Pick<AppContext, 'deadLetters' | 'sendQueue'> {
  return {
    deadLetters:
      overrides.deadLetters ??
      new SqsDeadLetters(aws(new SQSClient({ region: config.region })), {
        alert: config.queues.alertDlq ?? '',
        streams: { tips: config.queues.tipsFailures, hotspots: config.queues.hotspotsFailures },
      }),
    sendQueue:
      overrides.sendQueue ??
      (config.mode === 'aws' && config.queues.send
        ? new SqsSendQueue(aws(new SQSClient({ region: config.region })), config.queues.send)
        : undefined),
  };
}

/** Builds a context from a configuration; `overrides` replace the adapters they name. */
export function createContext(config: Config, overrides: ContextOverrides = {}): AppContext {
  const clock = overrides.clock ?? systemClock;
  const ids = overrides.ids ?? randomIds;
  const telemetry = overrides.telemetry ?? telemetryOf(config);
  const { ddb, doc } = createDynamoClients(config);
  overrides.instrumentDynamo?.(ddb);
  telemetry.traceClient(ddb);
  const gazetteer = overrides.gazetteer ?? gazetteerFromFile(config.gazetteerIndexPaths);
  const alerts =
    overrides.alerts ??
    new DynamoAlertLog(doc, config.tables.alerts, clock, { retentionDays: config.retention.alertDays });
  const clients: Array<{ destroy(): void }> = [ddb];
  const aws: Keep = (client) => (clients.push(client), telemetry.traceClient(client));
  const log = overrides.log ?? createPowertoolsLog(config.serviceName, config.logLevel);
  const outbox =
    config.mode === 'local' && !overrides.senders
      ? new OutboxMessageSender(ids, undefined, receiptsOf(config, { alerts, log }))
      : undefined;
  const pseudonyms = overrides.pseudonyms ?? pseudonymsOf(config, aws);
  const optOuts = new DynamoOptOutStore(doc, config.tables.optOuts);
  return {
    config,
    clock,
    ids,
    log,
    gazetteer,
    serviceArea: overrides.serviceArea ?? configuredServiceArea(gazetteer, config),
    health: overrides.health ?? dynamoHealthProbe(ddb, config.tables.tips, gazetteer),
    tips: overrides.tips ?? tipStoreOf(doc, config, clock, aws),
    hotspots: overrides.hotspots ?? new DynamoHotspotStore(doc, config.tables.hotspots, config.retention.hotspotDays),
    volunteers:
      overrides.volunteers ??
      new DynamoVolunteerDirectory(doc, {
        volunteers: config.tables.volunteers,
        volunteerCells: config.tables.volunteerCells,
      }),
    alerts,
    senders: metered(overrides.senders ?? { sms: outbox ?? awsSmsSender(config, aws) }, telemetry),
    ...queuesOf(config, overrides, aws),
    pseudonyms,
    limiter: overrides.limiter ?? new DynamoRateLimiter(doc, config.tables.rateLimits, clock, pseudonyms),
    optOutRequests: overrides.optOutRequests ?? optOuts,
    optOutTokens: overrides.optOutTokens ?? optOuts,
    audit: overrides.audit ?? new DynamoTipAuditLog(doc, config.tables.tipAudit, ids),
    snapshots: overrides.snapshots ?? new DynamoSnapshotStore(doc, config.tables.snapshots),
    settings: overrides.settings ?? { publicBaseUrl: config.publicBaseUrl },
    telemetry,
    dispose: () => {
      outbox?.dispose();
      clients.forEach((c) => c.destroy());
    },
  };
}

/** The SMS sender of the configured provider (AWS): End User Messaging, or SNS where it is not set up. */
function awsSmsSender(config: Config, aws: <T extends { destroy(): void }>(client: T) => T): MessageSender {
  const { sms } = config;
  if (sms.provider === 'sns') {
    return new SnsMessageSender(aws(new SNSClient({ region: config.region })), {
      senderId: sms.senderId,
      maxPriceUsd: sms.maxPriceUsd,
    });
  }
  return new EumMessageSender(aws(new PinpointSMSVoiceV2Client({ region: config.region })), {
    originationIdentity: sms.originationIdentity ?? sms.senderId,
    configurationSetName: sms.configurationSetName,
    protectConfigurationId: sms.protectConfigurationId,
    maxPriceUsd: sms.maxPriceUsd,
    timeToLiveS: sms.timeToLiveS,
  });
}

/** Every sender, counted (`MessagesSent`, `SmsSegments`, `MessagesFailed`). */
function metered(senders: MessageSenders, telemetry: Telemetry): MessageSenders {
  return Object.fromEntries(
    Object.entries(senders).map(([channel, sender]) => [channel, sender && meteredSender(sender, telemetry)]),
  ) as MessageSenders;
}

/** Local mode: the outbox plays the provider's receipts through the same use case as AWS. */
function receiptsOf(config: Config, deps: { alerts: AlertLog; log: LogPort }) {
  const delayMs = config.sms.receiptDelayMs;
  return delayMs === undefined
    ? undefined
    : { delayMs, record: (r: Parameters<typeof recordDeliveryReceipt>[1]) => recordDeliveryReceipt(deps, r) };
}
