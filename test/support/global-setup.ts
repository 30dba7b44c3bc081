import type { TestProject } from 'vitest/node';
import { ensureGazetteerIndex } from '../../functions/cli/build-gazetteer.js';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.js';
import { ensureWebBuild } from '../../functions/local/web-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/**
 * Once per test run: the gazetteer index and the web app are built (so parallel test
 * files never race to build them), and one in-memory DynamoDB Local is started on its
 * own free port. Each test file uses its own table prefix on it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureGazetteerIndex();
  await ensureWebBuild();
  const ddb = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', ddb.endpoint);
  return () => ddb.stop();
}
