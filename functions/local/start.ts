/**
 * `npm start`: the whole system on this machine, for one office and for trials (production is
 * AWS). Reads its settings once (docs/contract.md), prints the URL and the token, and stops
 * everything it started on Ctrl-C.
 */
import { resolve } from 'node:path';
import { readLocalRunSettings } from '../composition/config.js';
import { ensureGazetteerIndex } from '../cli/build-gazetteer.js';
import { checkJava } from './dynamodb-local.js';
import { repoRoot } from './paths.js';
import { startLocalSystem } from './system.js';

async function main(): Promise<void> {
  const settings = readLocalRunSettings();
  const dataDir = resolve(repoRoot, settings.dataDir);
  checkJava();
  await ensureGazetteerIndex();
  console.log(`[phithak] starting (data in ${dataDir})…`);
  const system = await startLocalSystem({
    port: settings.port,
    dataDir,
    demo: settings.demo,
    coordinatorToken: settings.coordinatorToken,
    publicBaseUrl: settings.publicBaseUrl,
    publicSnapshotEveryS: settings.publicSnapshotEveryS,
    config: {
      logLevel: settings.logLevel,
      serviceAreaBufferKm: settings.serviceAreaBufferKm,
      serviceAreaProvinces: settings.serviceAreaProvinces,
      serviceAreaGeoJsonPath: settings.serviceAreaGeoJsonPath,
      retention: settings.retention,
      integratorKeys: settings.integratorKeys,
      sms: { provider: 'eum', receiptDelayMs: settings.smsReceiptDelayMs },
    },
  });
  console.log('');
  console.log(`  Phithak is running:   ${system.url}/`);
  console.log(`  API:                  ${system.url}/api`);
  console.log(`  Coordinator token:    ${system.token}`);
  console.log(`  DynamoDB Local:       ${system.dynamoEndpoint}`);
  console.log('  This local stack is for one office and for trials; AWS DynamoDB is the production database.');
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
  if (err.code === 'EADDRINUSE') console.error('[phithak] the port is in use: set PORT to another port.');
  else console.error(`[phithak] ${err.message}`);
  process.exit(1);
});
