import { TABLES, tableEnvName, type TableKey } from '../../shared/tables.js';

/** Everything the functions read from the environment, read once (composition root). */
export interface Config {
  /** `local`: the local host on DynamoDB Local; `aws`: Lambda. */
  mode: 'local' | 'aws';
  /** `token`: a shared bearer token (local); `cognito`: API Gateway's Cognito authorizer. */
  authMode: 'token' | 'cognito';
  coordinatorToken?: string;
  tables: Record<TableKey, string>;
  region: string;
  /** DynamoDB Local endpoint, e.g. http://127.0.0.1:8123 (local mode only). */
  dynamoEndpoint?: string;
  /** Base URL put into SMS links, e.g. the CloudFront URL. */
  publicBaseUrl: string;
  sms: { senderId?: string; maxPriceUsd?: string };
  alertDlqUrl?: string;
}

/** Reads the configuration from an environment (defaults to `process.env`). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = env.PHITHAK_MODE === 'local' ? 'local' : 'aws';
  const prefix = env.TABLE_PREFIX ?? 'phithak-';
  const tables = Object.fromEntries(
    (Object.keys(TABLES) as TableKey[]).map((key) => [key, env[tableEnvName(key)] ?? `${prefix}${key}`]),
  ) as Record<TableKey, string>;
  return {
    mode,
    authMode: env.AUTH_MODE === 'cognito' ? 'cognito' : 'token',
    coordinatorToken: env.COORDINATOR_TOKEN || undefined,
    tables,
    region: env.AWS_REGION ?? 'ap-southeast-1',
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:3000',
    sms: { senderId: env.SMS_SENDER_ID || undefined, maxPriceUsd: env.SMS_MAX_PRICE_USD || undefined },
    alertDlqUrl: env.ALERT_DLQ_URL || undefined,
  };
}
