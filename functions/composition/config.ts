/**
 * The composition root's settings: the only place that reads the environment. Lambda entry
 * points call {@link readConfig} once; the local host and tests build a {@link Config} directly.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLES, tableEnvName, type TableKey } from '../../shared/tables.js';
import { SCHEDULES } from '../../shared/triggers.js';
import type { WorkLimits } from '../../shared/hotspots/index.js';
import { DEFAULT_BUFFER_KM } from '../../shared/service-area/index.js';

/** Everything the functions are configured with. */
export interface Config {
  /** `local`: the local host on DynamoDB Local; `aws`: Lambda. */
  mode: 'local' | 'aws';
  /** `token`: a shared bearer token (local); `cognito`: API Gateway's Cognito authorizer. */
  authMode: 'token' | 'cognito';
  coordinatorToken?: string;
  /** Cognito group whose members are coordinators (`cognito:groups` claim). */
  coordinatorGroup: string;
  /**
   * Integrator API keys by name, checked by the API itself locally (`INTEGRATOR_KEYS` =
   * `gateway:key,hotline:key`); in AWS, API Gateway checks them against their usage plans.
   */
  integratorKeys: Record<string, string>;
  tables: Record<TableKey, string>;
  region: string;
  /** DynamoDB Local endpoint, e.g. http://127.0.0.1:8123 (local mode only). */
  dynamoEndpoint?: string;
  /** Base URL put into SMS links, e.g. the CloudFront URL. */
  publicBaseUrl: string;
  sms: SmsConfig;
  /**
   * SQS queues (AWS): the send queue (`SEND_QUEUE_URL`; when set, claimed alerts are queued for
   * the rate-limited sender function), the alert dead letters, and each stream's failure queue.
   */
  queues: { send?: string; alertDlq?: string; tipsFailures?: string; hotspotsFailures?: string };
  /**
   * The sender function's pace: at least this many ms per message in each instance
   * (`SEND_INTERVAL_MS` = 1000 × reserved concurrency / messages per second, set by the stack).
   */
  sendIntervalMs: number;
  /** CloudWatch namespace of the functions' metrics (`POWERTOOLS_METRICS_NAMESPACE`), one per stage. */
  metricsNamespace: string;
  /** Where the gazetteer index may be, in the order tried. */
  gazetteerIndexPaths: string[];
  /** Powertools service name of this function. */
  serviceName: string;
  /** Log level (`DEBUG`, `INFO`, `WARN`, `ERROR`). */
  logLevel: LogLevel;
  /** The service area: province polygons plus this border buffer, km (`SERVICE_AREA_BUFFER_KM`). */
  serviceAreaBufferKm: number;
  /** Province codes of the service area (`SERVICE_AREA_PROVINCES=96,94,95,90`); default every province. */
  serviceAreaProvinces?: string[];
  /** A GeoJSON file of the service area instead of provinces (`SERVICE_AREA_GEOJSON`). */
  serviceAreaGeoJsonPath?: string;
  /** Local mode: the folder of the secret key files (mode 0700 under `DATA_DIR`); absent, keys live in memory. */
  keysDir?: string;
  /** AWS: the KMS HMAC key of pseudonyms (`PSEUDONYM_KEY_ID`). */
  pseudonymKeyId?: string;
  /** Days data is kept (`RETENTION_*_DAYS`): tip text, reporter contacts, retired hotspots, alert messages. */
  retention: Retention;
  /** AWS: the KMS key that wraps contact data keys (`CONTACT_KEY_ID`). */
  contactKeyId?: string;
  /** Caps on one re-clustering (tests lower them); default `DEFAULT_WORK_LIMITS`. */
  hotspotWorkLimits?: WorkLimits;
  /** Seconds between public snapshots (`PUBLIC_SNAPSHOT_S`); 0 publishes after every change (tests). */
  publicSnapshotEveryS: number;
}

/** How SMS goes out. */
export interface SmsConfig {
  /** `eum`: AWS End User Messaging SMS (default); `sns`: SNS `Publish`, for accounts without it (`SMS_PROVIDER`). */
  provider: 'eum' | 'sns';
  /** Registered alphanumeric sender ID (`SMS_SENDER_ID`; SNS's `AWS.SNS.SMS.SenderID`). */
  senderId?: string;
  /** Per-message price ceiling, USD (`SMS_MAX_PRICE_USD`). */
  maxPriceUsd?: string;
  /** End User Messaging: the pool (or sender ID) messages go from (`SMS_ORIGINATION_IDENTITY`). */
  originationIdentity?: string;
  /** End User Messaging: the configuration set whose events carry receipts (`SMS_CONFIGURATION_SET`). */
  configurationSetName?: string;
  /** End User Messaging: the protect configuration (`SMS_PROTECT_CONFIGURATION_ID`). */
  protectConfigurationId?: string;
  /** End User Messaging: seconds before an undelivered message expires (`SMS_TTL_S`). */
  timeToLiveS?: number;
  /** Local outbox: simulate a delivery receipt this long after each send (`SMS_RECEIPT_DELAY_MS`); absent, none. */
  receiptDelayMs?: number;
}

const GAZETTEER_FILE = 'gazetteer-index.json';

/** Candidate gazetteer paths: the variable, beside this bundle (`/var/task/` in Lambda), then `.build/`. */
function gazetteerPaths(fromEnv: string | undefined, argv1: string | undefined): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return [
    ...(fromEnv ? [resolve(fromEnv)] : []),
    join(here, GAZETTEER_FILE),
    ...(argv1 ? [join(dirname(resolve(argv1)), GAZETTEER_FILE)] : []),
    resolve(here, '..', '..', '.build', GAZETTEER_FILE),
  ];
}

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

function logLevelOf(raw: string | undefined, fallback: LogLevel): LogLevel {
  const level = (raw ?? fallback).toUpperCase();
  if (level === 'DEBUG' || level === 'INFO' || level === 'WARN' || level === 'ERROR') return level;
  throw new Error(`the log level must be DEBUG, INFO, WARN or ERROR, got "${raw}"`);
}

function positiveNumber(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got "${raw}"`);
  return value;
}

function parseKeys(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf(':');
    if (at <= 0 || at === pair.length - 1) throw new Error('INTEGRATOR_KEYS is name:key[,name:key…]');
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

/** Days data is kept, by kind. */
export interface Retention {
  tipDays: number;
  contactDays: number;
  hotspotDays: number;
  alertDays: number;
}

/** Defaults (issue 9): text a year, contacts 90 days, retired hotspots 90 days, alert messages 180 days. */
export const DEFAULT_RETENTION: Retention = { tipDays: 365, contactDays: 90, hotspotDays: 90, alertDays: 180 };

function retentionOf(env: Record<string, string | undefined>): Retention {
  const days = (name: string, fallback: number) => {
    const value = positiveNumber(env[name], name, fallback);
    if (value < 1) throw new Error(`${name} must be at least 1 day, got "${env[name]}"`);
    return value;
  };
  return {
    tipDays: days('RETENTION_TIP_DAYS', DEFAULT_RETENTION.tipDays),
    contactDays: days('RETENTION_CONTACT_DAYS', DEFAULT_RETENTION.contactDays),
    hotspotDays: days('RETENTION_HOTSPOT_DAYS', DEFAULT_RETENTION.hotspotDays),
    alertDays: days('RETENTION_ALERT_DAYS', DEFAULT_RETENTION.alertDays),
  };
}

function serviceAreaOf(env: Record<string, string | undefined>) {
  const provinces = env.SERVICE_AREA_PROVINCES?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    ...(provinces?.length ? { serviceAreaProvinces: provinces } : {}),
    ...(env.SERVICE_AREA_GEOJSON ? { serviceAreaGeoJsonPath: resolve(env.SERVICE_AREA_GEOJSON) } : {}),
  };
}

/** Table names: `TABLE_<KEY>` (AWS), else a prefix + key (local). */
export function tableNames(prefix: string, env: Record<string, string | undefined> = {}): Record<TableKey, string> {
  return Object.fromEntries(
    (Object.keys(TABLES) as TableKey[]).map((key) => [key, env[tableEnvName(key)] ?? `${prefix}${key}`]),
  ) as Record<TableKey, string>;
}

/** Reads the configuration from an environment (defaults to `process.env`). */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const mode = env.PHITHAK_MODE === 'local' ? 'local' : 'aws';
  return {
    mode,
    authMode: env.AUTH_MODE === 'cognito' ? 'cognito' : 'token',
    coordinatorToken: env.COORDINATOR_TOKEN || undefined,
    coordinatorGroup: env.COORDINATOR_GROUP || 'coordinators',
    integratorKeys: parseKeys(env.INTEGRATOR_KEYS),
    tables: tableNames(env.TABLE_PREFIX ?? 'phithak-', env),
    region: env.AWS_REGION ?? 'ap-southeast-1',
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:3000',
    sms: {
      provider: env.SMS_PROVIDER === 'sns' ? 'sns' : 'eum',
      senderId: env.SMS_SENDER_ID || undefined,
      maxPriceUsd: env.SMS_MAX_PRICE_USD || undefined,
      originationIdentity: env.SMS_ORIGINATION_IDENTITY || undefined,
      configurationSetName: env.SMS_CONFIGURATION_SET || undefined,
      protectConfigurationId: env.SMS_PROTECT_CONFIGURATION_ID || undefined,
      timeToLiveS: env.SMS_TTL_S ? positiveNumber(env.SMS_TTL_S, 'SMS_TTL_S', 3600) : undefined,
    },
    metricsNamespace: env.POWERTOOLS_METRICS_NAMESPACE || 'Phithak',
    pseudonymKeyId: env.PSEUDONYM_KEY_ID || undefined,
    sendIntervalMs: positiveNumber(env.SEND_INTERVAL_MS, 'SEND_INTERVAL_MS', 0),
    queues: {
      send: env.SEND_QUEUE_URL || undefined,
      alertDlq: env.ALERT_DLQ_URL || undefined,
      tipsFailures: env.TIPS_FAILURE_QUEUE_URL || undefined,
      hotspotsFailures: env.HOTSPOTS_FAILURE_QUEUE_URL || undefined,
    },
    gazetteerIndexPaths: gazetteerPaths(env.GAZETTEER_INDEX || undefined, process.argv[1]),
    serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'phithak',
    logLevel: logLevelOf(env.POWERTOOLS_LOG_LEVEL ?? env.LOG_LEVEL, 'INFO'),
    serviceAreaBufferKm: positiveNumber(env.SERVICE_AREA_BUFFER_KM, 'SERVICE_AREA_BUFFER_KM', DEFAULT_BUFFER_KM),
    publicSnapshotEveryS: positiveNumber(
      env.PUBLIC_SNAPSHOT_S,
      'PUBLIC_SNAPSHOT_S',
      SCHEDULES.snapshotPublisher.everyS,
    ),
    contactKeyId: env.CONTACT_KEY_ID || undefined,
    retention: retentionOf(env),
    ...serviceAreaOf(env),
  };
}

/** The settings of `npm start` (docs/contract.md, "Local run settings"). */
export interface LocalRunSettings {
  port: number;
  /** Relative to the repository root unless absolute. */
  dataDir: string;
  demo: boolean;
  coordinatorToken?: string;
  publicBaseUrl?: string;
  /** The gazetteer input files. */
  geodataDir: string;
  publicSnapshotEveryS: number;
  serviceAreaBufferKm: number;
  serviceAreaProvinces?: string[];
  serviceAreaGeoJsonPath?: string;
  retention: Retention;
  logLevel: LogLevel;
  integratorKeys: Record<string, string>;
  /** Milliseconds after a send at which the outbox simulates its delivery receipt. */
  smsReceiptDelayMs: number;
}

/** Reads the settings of `npm start` from the environment. */
export function readLocalRunSettings(env: Record<string, string | undefined> = process.env): LocalRunSettings {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    dataDir: env.DATA_DIR ?? '.data',
    demo: env.DEMO !== '0',
    coordinatorToken: env.COORDINATOR_TOKEN || undefined,
    publicBaseUrl: env.PUBLIC_BASE_URL || undefined,
    geodataDir: geodataDirOf(env),
    publicSnapshotEveryS: positiveNumber(
      env.PUBLIC_SNAPSHOT_S,
      'PUBLIC_SNAPSHOT_S',
      SCHEDULES.snapshotPublisher.everyS,
    ),
    serviceAreaBufferKm: positiveNumber(env.SERVICE_AREA_BUFFER_KM, 'SERVICE_AREA_BUFFER_KM', DEFAULT_BUFFER_KM),
    ...serviceAreaOf(env),
    retention: retentionOf(env),
    // A console shows warnings and the outbox lines; structured info lines are for Lambda.
    logLevel: logLevelOf(env.POWERTOOLS_LOG_LEVEL ?? env.LOG_LEVEL, 'WARN'),
    integratorKeys: parseKeys(env.INTEGRATOR_KEYS),
    smsReceiptDelayMs: positiveNumber(env.SMS_RECEIPT_DELAY_MS, 'SMS_RECEIPT_DELAY_MS', 3000),
  };
}

/** Where the gazetteer input files are (`GEODATA_DIR`, default `../shared/geodata` beside the repository). */
export function geodataDirOf(env: Record<string, string | undefined> = process.env): string {
  return resolve(REPO_ROOT, env.GEODATA_DIR ?? join('..', 'shared', 'geodata'));
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
