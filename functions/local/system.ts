import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { publishPublicSnapshot } from '../../shared/core/public-snapshot.js';
import { SCHEDULES, type ScheduleKey } from '../../shared/triggers.js';
import { createApiHandler } from '../api/create-api-handler.js';
import { readConfig, tableNames, type Config } from '../composition/config.js';
import { createContext, type AppContext, type ContextOverrides } from '../composition/context.js';
import { createDynamoClients } from '../lib/dynamo-client.js';
import { bootstrapTables } from './bootstrap-tables.js';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import { FileDeadLetters } from './file-dead-letters.js';
import { createHttpHost } from './http-host.js';
import { startSchedules } from './schedule-timers.js';
import { seedDemo } from './seed.js';
import { settledPollers, startStreamPollers } from './stream-pollers.js';
import { repoRoot } from './paths.js';
import { ensureWebBuild } from './web-build.js';

export interface LocalSystemOptions {
  /** HTTP port; 0 picks a free one. */
  port?: number;
  /** DynamoDB Local's files; absent runs it in memory. */
  dataDir?: string;
  /** Use an already running DynamoDB Local instead of starting one (tests share one). */
  dynamoEndpoint?: string;
  /** Table name prefix, so several systems can share one DynamoDB Local. */
  tablePrefix?: string;
  /** Seed demo tips and volunteers into an empty database. */
  demo?: boolean;
  coordinatorToken?: string;
  /** Build the web app if stale (off for API-only tests). */
  web?: boolean;
  /** Run the scheduled functions on timers. */
  schedules?: boolean;
  /** Base URL put into SMS links (default: this host's own URL). */
  publicBaseUrl?: string;
  /** Seconds between public snapshots; 0 publishes after every hotspot change (tests). Default 3600. */
  publicSnapshotEveryS?: number;
  /** Settings a caller sets beyond these (service area, integrator keys…); `process.env` is never read here. */
  config?: Partial<Config>;
  /** Adapters to replace (fault-injection tests). */
  overrides?: ContextOverrides;
  /** Wraps the built adapters (fault-injection tests fail a real adapter's call once). */
  decorate?: (ctx: AppContext) => ContextOverrides;
}

export interface LocalSystem {
  url: string;
  token: string;
  dynamoEndpoint: string;
  tablePrefix: string;
  /** The handlers' context (tests read its stores). */
  ctx: AppContext;
  /** The local failure queue. */
  deadLetters: FileDeadLetters;
  /** The DynamoDB Local this system started (absent when it was given an endpoint). */
  dynamoDbLocal?: DynamoDbLocal;
  /** Resolves once both stream pollers have found nothing new (tests wait on it). */
  settled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Makes a folder and everything in it private to this user (0700 folders, 0600 files). */
function closeUp(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) closeUp(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}

/** The configuration of the local host, built from its options (never from the environment). */
function localConfig(opts: LocalSystemOptions, endpoint: string, token: string, prefix: string): Config {
  const defaults = readConfig({});
  return {
    ...defaults,
    mode: 'local',
    authMode: 'token',
    // A console shows warnings and the outbox lines; structured info lines are for Lambda.
    logLevel: 'WARN',
    coordinatorToken: token,
    dynamoEndpoint: endpoint,
    tables: tableNames(prefix),
    publicSnapshotEveryS: opts.publicSnapshotEveryS ?? defaults.publicSnapshotEveryS,
    keysDir: opts.dataDir ? join(resolve(opts.dataDir), 'keys') : undefined,
    ...opts.config,
  };
}

/**
 * Brings up Phithak on one machine: DynamoDB Local and its tables, the same handlers
 * as in AWS behind an HTTP host, stream pollers in place of event source mappings,
 * timers in place of schedules, the outbox in place of the SMS provider.
 */
export async function startLocalSystem(opts: LocalSystemOptions = {}): Promise<LocalSystem> {
  const token = opts.coordinatorToken ?? randomBytes(18).toString('base64url');
  const prefix = opts.tablePrefix ?? 'phithak-';
  const dataDir = opts.dataDir ? privateDataDir(opts.dataDir) : undefined;
  let ddbLocal: DynamoDbLocal | undefined;
  // Tables are (re-)created after a restart too: an in-memory database comes back empty.
  let bootstrap = async () => undefined as void;
  const endpoint =
    opts.dynamoEndpoint ?? (ddbLocal = await startDynamoDbLocal({ dataDir, onRestart: () => bootstrap() })).endpoint;
  let config = localConfig(opts, endpoint, token, prefix);
  const { ddb } = createDynamoClients(config);
  bootstrap = () => bootstrapTables(ddb, config.tables);
  await bootstrap();

  const webRoot = opts.web === false ? join(repoRoot, 'web', 'dist') : await ensureWebBuild();
  // Listen first: SMS links need the real URL before any handler composes one.
  let api: ReturnType<typeof createApiHandler> | undefined;
  const server: Server = createHttpHost({ api: (event, context) => api!(event, context), webRoot });
  const url = await listen(server, opts.port ?? 0);
  config = { ...config, publicBaseUrl: opts.publicBaseUrl ?? url };

  const deadLetters = new FileDeadLetters(dataDir ? join(dataDir, 'dead-letters.jsonl') : undefined);
  const built = createContext(config, { deadLetters, ...opts.overrides });
  const ctx: AppContext = opts.decorate ? { ...built, ...opts.decorate(built) } : built;
  api = createApiHandler(ctx);
  const pollers = startStreamPollers({ ctx, ddb, endpoint, deadLetters, dataDir });
  const settled = (timeoutMs = 15_000) => settledPollers(pollers, timeoutMs);
  if (opts.demo && (await seedDemo(url, token))) await settled(60_000);
  // A snapshot at start (after the demo data), so the public map is never empty for an hour.
  await publishPublicSnapshot(ctx);
  const stopSchedules = opts.schedules === false ? () => undefined : startSchedules(ctx, schedulePeriods(config));

  return {
    url,
    token,
    dynamoEndpoint: endpoint,
    tablePrefix: prefix,
    ctx,
    deadLetters,
    dynamoDbLocal: ddbLocal,
    settled,
    stop: async () => {
      stopSchedules();
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections?.();
      await Promise.all(pollers.map((p) => p.stop()));
      ctx.dispose();
      ddb.destroy();
      await ddbLocal?.stop();
    },
  };
}

/**
 * Makes DATA_DIR private: nothing in it is for other users (the database, keys, checkpoints,
 * dead letters; the JVM inherits the mask), and files an older version left readable are closed up.
 */
function privateDataDir(path: string): string {
  const dir = resolve(path);
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  closeUp(dir);
  return dir;
}

/** Starts listening on 127.0.0.1; resolves with the base URL. */
async function listen(server: Server, port: number): Promise<string> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** The schedules' periods, with the snapshot's own (`PUBLIC_SNAPSHOT_S`) when it is not 0. */
function schedulePeriods(config: Config): Record<ScheduleKey, number> {
  const everyS = Object.fromEntries(Object.entries(SCHEDULES).map(([k, s]) => [k, s.everyS])) as Record<
    ScheduleKey,
    number
  >;
  if (config.publicSnapshotEveryS > 0) everyS.snapshotPublisher = config.publicSnapshotEveryS;
  return everyS;
}
