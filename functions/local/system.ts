import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';
import { readConfig } from '../lib/config.js';
import { resetContext } from '../lib/context.js';
import { createDynamoClients } from '../lib/dynamo.js';
import { bootstrapTables } from './bootstrap-tables.js';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import { createHttpHost } from './http-host.js';
import { startSchedules } from './schedules.js';
import { seedDemo } from './seed.js';
import { StreamPoller } from './stream-poller.js';
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
}

export interface LocalSystem {
  url: string;
  token: string;
  dynamoEndpoint: string;
  tablePrefix: string;
  /** Resolves once both stream pollers have found nothing new (tests wait on it). */
  settled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Brings up Phithak on one machine: DynamoDB Local and its tables, the same handlers
 * as in AWS behind an HTTP host, stream pollers in place of event source mappings,
 * timers in place of schedules, the outbox in place of SNS.
 */
export async function startLocalSystem(opts: LocalSystemOptions = {}): Promise<LocalSystem> {
  const token = opts.coordinatorToken ?? randomBytes(18).toString('base64url');
  const prefix = opts.tablePrefix ?? 'phithak-';
  let ddbLocal: DynamoDbLocal | undefined;
  const endpoint = opts.dynamoEndpoint ?? (ddbLocal = await startDynamoDbLocal({ dataDir: opts.dataDir })).endpoint;
  Object.assign(process.env, {
    PHITHAK_MODE: 'local',
    AUTH_MODE: 'token',
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_PREFIX: prefix,
    COORDINATOR_TOKEN: token,
  });
  const config = readConfig();
  const { ddb } = createDynamoClients(config);
  await bootstrapTables(ddb, config.tables);

  // Handlers are imported only now: they read the environment set above on first use.
  const [api, updater, dispatcher] = await Promise.all([
    import('../api/handler.js'),
    import('../hotspot-updater/handler.js'),
    import('../alert-dispatcher/handler.js'),
  ]);
  const webRoot = opts.web === false ? join(repoRoot, 'web', 'dist') : await ensureWebBuild();
  const failureLog = opts.dataDir ? join(resolve(opts.dataDir), 'stream-failures.jsonl') : undefined;
  if (opts.dataDir) mkdirSync(resolve(opts.dataDir), { recursive: true });
  const onFailure = (name: string) => (records: DynamoDBRecord[], error: string) => {
    if (failureLog) appendFileSync(failureLog, `${JSON.stringify({ source: name, error, records })}\n`);
  };
  const pollers = [
    new StreamPoller({
      name: 'hotspot-updater',
      ddb,
      endpoint,
      tableName: config.tables.tips,
      handler: updater.handler,
      batchSize: 50,
      checkpointFile: opts.dataDir ? join(resolve(opts.dataDir), 'checkpoints-tips.json') : undefined,
      onFailure: onFailure('tips'),
    }),
    new StreamPoller({
      name: 'alert-dispatcher',
      ddb,
      endpoint,
      tableName: config.tables.hotspots,
      handler: dispatcher.handler,
      batchSize: 25,
      checkpointFile: opts.dataDir ? join(resolve(opts.dataDir), 'checkpoints-hotspots.json') : undefined,
      onFailure: onFailure('hotspots'),
    }),
  ];
  // Listen first: SMS links need the real URL before any handler reads the configuration.
  const server: Server = createHttpHost({ api: api.handler, webRoot });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', done);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  process.env.PUBLIC_BASE_URL = opts.publicBaseUrl ?? url;
  resetContext();

  pollers.forEach((p) => p.start());
  const stopSchedules = opts.schedules === false ? () => undefined : await startSchedules();

  const settled = async (timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    let quietPasses = 0;
    while (quietPasses < 3) {
      if (Date.now() > deadline) throw new Error('stream pollers did not settle');
      await new Promise((r) => setTimeout(r, 150));
      quietPasses = pollers.every((p) => p.isIdle) ? quietPasses + 1 : 0;
    }
  };
  if (opts.demo) {
    const seeded = await seedDemo(url, token);
    if (seeded) await settled(60_000);
  }

  return {
    url,
    token,
    dynamoEndpoint: endpoint,
    tablePrefix: prefix,
    settled,
    stop: async () => {
      stopSchedules();
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections?.();
      await Promise.all(pollers.map((p) => p.stop()));
      ddb.destroy();
      await ddbLocal?.stop();
    },
  };
}
