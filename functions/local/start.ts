/**
 * `npm start`: the whole system on this machine. Reads PORT, DATA_DIR, DEMO,
 * COORDINATOR_TOKEN and GEODATA_DIR (docs/contract.md), prints the URL and the token,
 * and stops everything it started on Ctrl-C.
 */
import './local-env.js';
import { resolve } from 'node:path';
import { ensureGazetteerIndex } from '../cli/build-gazetteer.js';
import { checkJava } from './dynamodb-local.js';
import { repoRoot } from './paths.js';
import { startLocalSystem } from './system.js';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const dataDir = resolve(repoRoot, process.env.DATA_DIR ?? '.data');
  checkJava();
  await ensureGazetteerIndex();
  console.log(`[phithak] starting (data in ${dataDir})…`);
  const system = await startLocalSystem({
    port,
    dataDir,
    demo: process.env.DEMO !== '0',
    coordinatorToken: process.env.COORDINATOR_TOKEN || undefined,
    publicBaseUrl: process.env.PUBLIC_BASE_URL || undefined,
  });
  console.log('');
  console.log(`  Phithak is running:   ${system.url}/`);
  console.log(`  API:                  ${system.url}/api`);
  console.log(`  Coordinator token:    ${system.token}`);
  console.log(`  DynamoDB Local:       ${system.dynamoEndpoint}`);
  console.log('  Press Ctrl-C to stop.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n[phithak] stopping…');
    await system.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error & { code?: string }) => {
  if (err.code === 'EADDRINUSE')
    console.error(`[phithak] port ${process.env.PORT ?? 3000} is in use: set PORT to another port.`);
  else console.error(`[phithak] ${err.message}`);
  process.exit(1);
});
