import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratchDirs: string[] = [];

/** A scratch directory under the OS temp dir (cloud assembly, fixture files). */
export function scratchDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `phithak-infra-${label}-`));
  scratchDirs.push(dir);
  return dir;
}

/** Removes every scratch directory this test file created (bundles are a few MB each). */
export function removeScratchDirs(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A tiny stand-in gazetteer index: the infra only copies the file into each bundle, so its
 * content does not matter here (the real one is built by `npm run gazetteer`).
 */
export function gazetteerFixture(dir: string): string {
  const path = join(dir, 'gazetteer-index.json');
  writeFileSync(path, JSON.stringify({ fixture: true }));
  return path;
}

/**
 * An App writing to a scratch directory, with the given CDK context. CDK's built-in
 * CloudFormation schema validation is off: it costs 5-25 s per synth on two busy cores, and
 * `npm run synth` runs it anyway. cdk-nag, registered by `buildApp`, still runs at synth.
 */
export function testApp(context: Record<string, unknown>): App {
  return new App({ outdir: scratchDir('cdkout'), context, builtinCloudFormationValidation: false });
}

/** cdk-nag AwsSolutions findings of severity `error` left unacknowledged under `scope`. */
export function nagErrors(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations
    .filter((violation) => violation.severity === 'error')
    .flatMap((violation) =>
      violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
    );
}

/** The app's stacks and their templates, without asset bundling (property tests). */
export interface BuiltApp {
  stacks: import('../../infra/build-app.js').PhithakStacks;
  stateful: import('aws-cdk-lib/assertions').Template;
  edgeFirewall: import('aws-cdk-lib/assertions').Template;
  stateless: import('aws-cdk-lib/assertions').Template;
  edgeLogs: import('aws-cdk-lib/assertions').Template;
}

/**
 * Builds the whole app from CDK context with bundling skipped (CDK's own switch), a stand-in
 * gazetteer and web build: what the stacks declare, fast.
 */
export async function buildTestApp(context: Record<string, unknown> = {}): Promise<BuiltApp> {
  const { Template } = await import('aws-cdk-lib/assertions');
  const { buildApp } = await import('../../infra/build-app.js');
  const dir = scratchDir('props');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
  const app = testApp({
    'aws:cdk:bundling-stacks': [],
    gazetteerIndex: gazetteerFixture(dir),
    webDist: join(dir, 'dist'),
    ...context,
  });
  const stacks = buildApp(app);
  return {
    stacks,
    stateful: Template.fromStack(stacks.stateful),
    edgeFirewall: Template.fromStack(stacks.edgeFirewall),
    stateless: Template.fromStack(stacks.stateless),
    edgeLogs: Template.fromStack(stacks.edgeLogs),
  };
}

/** Findings of both cdk-nag packs (errors and warnings) left unacknowledged under `scope`. */
export async function allNagFindings(scope: IConstruct): Promise<string[]> {
  const { ServerlessChecks } = await import('cdk-nag');
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack
      .validateScope(scope)
      .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`)),
  );
}
