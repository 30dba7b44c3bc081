import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'constructs';

/** Repository root (infra/ sits one level below it); entry paths and assets resolve from here. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Deployment settings, read from CDK context (`cdk.json` or `-c key=value`). */
export interface InfraSettings {
  /** Alphanumeric sender ID registered for Thailand (SNS `AWS.SNS.SMS.SenderID`). */
  smsSenderId: string;
  /** Per-message ceiling for SNS SMS, in US dollars (`AWS.SNS.SMS.MaxPrice`). */
  smsMaxPriceUsd: string;
  /** Absolute path of the gazetteer index copied into every function bundle. */
  gazetteerIndexPath: string;
  /** Absolute path of the built web app (`npm run build:web`); deployed if it exists. */
  webDistDir: string;
  /** Optional SNS topic ARN that receives alarm notifications. */
  alarmTopicArn?: string;
  /** Sustained request rate for the whole API stage, requests per second. */
  apiRateLimitPerSecond: number;
  /** WAF rate-based rule: requests per source IP per 5 minutes before blocking. */
  wafRequestsPer5MinPerIp: number;
}

function contextString(node: Node, key: string, fallback: string): string {
  const value: unknown = node.tryGetContext(key);
  return value === undefined || value === null || value === '' ? fallback : String(value);
}

function contextNumber(node: Node, key: string, fallback: number): number {
  const raw = contextString(node, key, String(fallback));
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`CDK context "${key}" must be a positive number, got "${raw}"`);
  }
  return value;
}

function repoPath(path: string): string {
  return isAbsolute(path) ? path : resolve(REPO_ROOT, path);
}

/** Reads the settings from context, with defaults for an offline `npm run synth`. */
export function readInfraSettings(node: Node): InfraSettings {
  const alarmTopicArn = contextString(node, 'alarmTopicArn', '');
  return {
    smsSenderId: contextString(node, 'smsSenderId', 'PHITHAK'),
    smsMaxPriceUsd: contextString(node, 'smsMaxPriceUsd', '0.50'),
    gazetteerIndexPath: repoPath(contextString(node, 'gazetteerIndex', '.build/gazetteer-index.json')),
    webDistDir: repoPath(contextString(node, 'webDist', 'web/dist')),
    alarmTopicArn: alarmTopicArn || undefined,
    apiRateLimitPerSecond: contextNumber(node, 'apiRateLimitPerSecond', 50),
    wafRequestsPer5MinPerIp: contextNumber(node, 'wafRequestsPer5MinPerIp', 300),
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
