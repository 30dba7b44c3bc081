/**
 * The dependency rule and the test hygiene rules are held by the linter (Biome, `biome.json`),
 * not by care: each probe below is a file the linter must refuse where it would stand.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const biome = join(dirname(createRequire(import.meta.url).resolve('@biomejs/biome/package.json')), 'bin', 'biome');
/** A scratch tree with the project's own linter configuration, where probes stand at their paths. */
const scratch = mkdtempSync(join(tmpdir(), 'phithak-lint-'));
copyFileSync(join(root, 'biome.json'), join(scratch, 'biome.json'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
/** Lints `source` as the file at `path`; returns the diagnostics' text, or '' when clean. */
function lint(path: string, source: string): string {
  const file = join(scratch, `${n++}`, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  copyFileSync(join(root, 'biome.json'), join(scratch, `${n - 1}`, 'biome.json'));
  const out = spawnSync(process.execPath, [biome, 'lint', '--colors=off', path], {
    cwd: join(scratch, `${n - 1}`),
    encoding: 'utf8',
  });
  return out.status === 0 ? '' : `${out.stdout}${out.stderr}`;
}

describe('the linter holds the folder rules', () => {
  it.each([
    [
      'shared/core/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
      /no Node built-ins/,
    ],
    [
      'shared/core/probe.ts',
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;\n",
      /the SDK lives in functions\/lib/,
    ],
    [
      'shared/core/probe.ts',
      "import { x } from '../../functions/lib/x.js';\nexport const y = x;\n",
      /imports nothing of ours outside shared/,
    ],
    [
      'shared/hotspots/probe.test.ts',
      "import { seededRandom } from '../../test/hotspots/synthetic-tips.js';\nexport const s = seededRandom;\n",
      /imports nothing of ours/,
    ],
    [
      'functions/api/probe.ts',
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;\n",
      /only by the adapters in functions\/lib/,
    ],
    [
      'infra/constructs/probe.ts',
      "import { handler } from '../../functions/api/handler.js';\nexport const h = handler;\n",
      /only by their entry path/,
    ],
    [
      'web/src/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
      /runs in the browser/,
    ],
  ])('refuses %s importing what it must not', (path, source, message) => {
    expect(lint(path, source)).toMatch(message);
  });

  it('allows what the rule allows: shared/ within itself, adapters with the SDK', () => {
    expect(
      lint('shared/core/probe.ts', "import { RISK_LEVELS } from '../types.js';\nexport const r = RISK_LEVELS;\n"),
    ).toBe('');
    expect(
      lint(
        'functions/lib/probe.ts',
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;\n",
      ),
    ).toBe('');
  });

  it('refuses focused and skipped tests, and floating promises', () => {
    expect(lint('shared/core/probe.test.ts', "import { it } from 'vitest';\nit.only('x', () => {});\n")).toMatch(
      /focus/,
    );
    expect(lint('shared/core/probe.test.ts', "import { it } from 'vitest';\nit.skip('x', () => {});\n")).toMatch(
      /disable/,
    );
    expect(lint('shared/core/probe.ts', 'async function f() {}\nexport function g() {\n  f();\n}\n')).toMatch(
      /floating/i,
    );
  });
});
