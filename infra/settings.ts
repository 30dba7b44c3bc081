import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'constructs';
import { contextNumber, contextString, integratorsOf, type Integrator } from './context-values.js';

/** Repository root (infra/ sits one level below it); entry paths and assets resolve from here. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Deployment settings, read from CDK context (`cdk.json` or `-c key=value`). */
export interface InfraSettings {
  /** Deployment name (`-c stage=staging`): in every stack and physical name, so stages share an account. */
  stage: string;
  /** Region of the stateful and stateless stacks; the CloudFront firewall and logs live in us-east-1. */
  region: string;
  /** Account to deploy to; absent, the CLI's (synth stays offline). */
  account?: string;
  /** `eum` (AWS End User Messaging SMS) or `sns` (accounts without it). */
  smsProvider: 'eum' | 'sns';
  /** Alphanumeric sender ID registered for Thailand. */
  smsSenderId: string;
  /** The stack requests the sender ID (`AWS::SMSVOICE::SenderId`); false when it was registered by hand. */
  smsManageSenderId: boolean;
  /** Per-message price ceiling for SMS, in US dollars. */
  smsMaxPriceUsd: string;
  /** Messages per second the send queue is drained at (the sender ID's throughput). */
  smsMessagesPerSecond: number;
  /** Countries SMS may go to (ISO 3166-1 alpha-2): Thailand, plus Malaysia if configured. */
  smsCountries: string[];
  /** Month-to-date SMS spend (USD) that raises the spend alarm and the SMS budget. */
  smsMonthlyBudgetUsd: number;
  /** Monthly cost (USD) of the whole account that the budget alarm watches. */
  monthlyBudgetUsd: number;
  /** Absolute path of the gazetteer index copied into every function bundle. */
  gazetteerIndexPath: string;
  /** Absolute path of the built web app (`npm run build:web`); deployed if it exists. */
  webDistDir: string;
  /** Optional SNS topic ARN that receives alarm notifications; absent, the stack creates one. */
  alarmTopicArn?: string;
  /** Optional e-mail subscribed to the created alarm topic. */
  alarmEmail?: string;
  /** Sustained request rate for the whole API stage, requests per second. */
  apiRateLimitPerSecond: number;
  /** CloudFront WAF rate-based rule: requests per viewer IP per 5 minutes before blocking. */
  wafRequestsPer5MinPerIp: number;
  /** Integrators (SMS gateway, hotline system), each with an API key and its usage-plan quota. */
  integrators: Integrator[];
  /** Cognito hosted-UI domain prefix; globally unique per region. */
  cognitoDomainPrefix: string;
  /** Optional basemap style URL published in `runtime-config.json`. */
  basemapStyleUrl?: string;
  /** Retention, days, passed to every function (`RETENTION_*_DAYS`). */
  retentionDays: { tip: number; contact: number; hotspot: number; alert: number };
}

function repoPath(path: string): string {
  return isAbsolute(path) ? path : resolve(REPO_ROOT, path);
}

/** Reads the settings from context, with defaults for an offline `npm run synth`. */
export function readInfraSettings(node: Node): InfraSettings {
  const stage = contextString(node, 'stage', 'prod');
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage)) {
    throw new Error(`CDK context "stage" must be lower-case letters, digits and dashes (≤ 16), got "${stage}"`);
  }
  const optional = (key: string) => contextString(node, key, '') || undefined;
  const provider = contextString(node, 'smsProvider', 'eum');
  if (provider !== 'eum' && provider !== 'sns')
    throw new Error(`CDK context "smsProvider" is eum or sns, got "${provider}"`);
  return {
    stage,
    region: contextString(node, 'region', process.env.CDK_DEFAULT_REGION || 'ap-southeast-1'),
    account: optional('account') ?? process.env.CDK_DEFAULT_ACCOUNT,
    smsProvider: provider,
    smsSenderId: contextString(node, 'smsSenderId', 'PHITHAK'),
    smsManageSenderId: contextString(node, 'smsManageSenderId', 'true') !== 'false',
    smsMaxPriceUsd: contextString(node, 'smsMaxPriceUsd', '0.50'),
    smsMessagesPerSecond: contextNumber(node, 'smsMessagesPerSecond', 10),
    smsCountries: contextString(node, 'smsAllowMalaysia', 'false') === 'true' ? ['TH', 'MY'] : ['TH'],
    smsMonthlyBudgetUsd: contextNumber(node, 'smsMonthlyBudgetUsd', 200),
    monthlyBudgetUsd: contextNumber(node, 'monthlyBudgetUsd', 300),
    gazetteerIndexPath: repoPath(contextString(node, 'gazetteerIndex', '.build/gazetteer-index.json')),
    webDistDir: repoPath(contextString(node, 'webDist', 'web/dist')),
    alarmTopicArn: optional('alarmTopicArn'),
    alarmEmail: optional('alarmEmail'),
    apiRateLimitPerSecond: contextNumber(node, 'apiRateLimitPerSecond', 50),
    wafRequestsPer5MinPerIp: contextNumber(node, 'wafRequestsPer5MinPerIp', 300),
    integrators: integratorsOf(contextString(node, 'integrators', '')),
    cognitoDomainPrefix: contextString(node, 'cognitoDomainPrefix', `phithak-${stage}`),
    basemapStyleUrl: optional('basemapStyleUrl'),
    retentionDays: {
      tip: contextNumber(node, 'retentionTipDays', 365),
      contact: contextNumber(node, 'retentionContactDays', 90),
      hotspot: contextNumber(node, 'retentionHotspotDays', 90),
      alert: contextNumber(node, 'retentionAlertDays', 180),
    },
  };
}

/** Throws a message that says how to fix a missing gazetteer index. */
export function assertGazetteerIndex(path: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `Gazetteer index not found at ${path}. Build it first with \`npm run gazetteer\` ` +
        '(`npm run synth` does this), or point CDK context "gazetteerIndex" at a built index.',
    );
  }
}
