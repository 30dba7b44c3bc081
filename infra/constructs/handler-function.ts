import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { REPO_ROOT, assertGazetteerIndex } from '../settings.js';

/** File name of the gazetteer index inside every bundle (`/var/task/<name>` in Lambda). */
export const GAZETTEER_FILE = 'gazetteer-index.json';

/**
 * Lets bundled ESM code call `require` for Node built-ins pulled in by CommonJS dependencies
 * (esbuild's `__require` shim looks for a global `require`, which ESM lacks).
 */
const ESM_REQUIRE_SHIM =
  "import { createRequire as __phithakCreateRequire } from 'node:module';" +
  'const require = __phithakCreateRequire(import.meta.url);';

/** Props of {@link HandlerFunction}. */
export interface HandlerFunctionProps {
  /** Handler entry, relative to the repository root, e.g. `functions/api/handler.ts`. */
  entry: string;
  /** Short purpose, shown in the console. */
  description: string;
  /** Absolute path of the gazetteer index to copy into the bundle. */
  gazetteerIndexPath: string;
  environment: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  /** Reserved concurrency (the SMS sender's rate limit); absent, the account's pool. */
  reservedConcurrentExecutions?: number;
}

/**
 * One Lambda function built from a handler entry (exported name `handler`): Node.js 24 on
 * arm64, bundled locally by esbuild as ESM with source maps, X-Ray tracing, its own log group
 * with a retention, and a role that may write only to that log group until granted more.
 */
export class HandlerFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    assertGazetteerIndex(props.gazetteerIndexPath);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(this.role);
    this.fn = new nodejs.NodejsFunction(this, 'Fn', {
      entry: join(REPO_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      description: props.description,
      role: this.role,
      logGroup,
      tracing: lambda.Tracing.ACTIVE,
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize: props.memorySize ?? 512,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: {
        ...props.environment,
        GAZETTEER_INDEX: `/var/task/${GAZETTEER_FILE}`,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: bundlingOptions(props.gazetteerIndexPath),
    });
  }
}

function bundlingOptions(gazetteerIndexPath: string): nodejs.BundlingOptions {
  return {
    forceDockerBundling: false,
    format: nodejs.OutputFormat.ESM,
    mainFields: ['module', 'main'],
    banner: ESM_REQUIRE_SHIM,
    target: 'node24',
    minify: true,
    sourceMap: true,
    sourceMapMode: nodejs.SourceMapMode.DEFAULT,
    sourcesContent: false,
    logLevel: nodejs.LogLevel.WARNING, // esbuild's per-file size table is noise in synth and tests
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir: string, outputDir: string) => [
        `cp "${gazetteerIndexPath}" "${join(outputDir, GAZETTEER_FILE)}"`,
      ],
    },
  };
}
