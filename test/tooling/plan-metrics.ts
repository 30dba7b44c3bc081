/**
 * The house-plan figures of ADR 0008, for any commits: the files on a tip's path from the
 * request to the SMS (every module of ours the API, hotspot-updater and alert-dispatcher
 * bundles hold), the largest functions (Biome's line count), and the rows of the `duplicates`
 * report. `npx tsx test/tooling/plan-metrics.ts [ref ...]` (default: the commit before the
 * reshaping, and HEAD).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..');
const ENTRIES = [
  'functions/api/handler.ts',
  'functions/hotspot-updater/handler.ts',
  'functions/alert-dispatcher/handler.ts',
];
const BEFORE = '7d56a18';

/** The tree of `ref` in a scratch folder, sharing this checkout's node_modules. */
function checkout(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), `plan-${ref}-`));
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${ref} | tar -x -C "${dir}"`]);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function filesOnTipPath(dir: string): Promise<number> {
  const out = await build({
    entryPoints: ENTRIES.map((e) => join(dir, e)),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    outdir: join(dir, '.out'),
    logLevel: 'silent',
  });
  return Object.keys(out.metafile.inputs).filter((p) => !p.includes('node_modules')).length;
}

function largestFunctions(dir: string): { max: number; over50: number } {
  writeFileSync(
    join(dir, 'biome.json'),
    JSON.stringify({
      files: { includes: ['shared/**/*.ts', 'functions/**/*.ts', 'infra/**/*.ts', 'web/src/**/*.ts', '!**/*.test.ts'] },
      formatter: { enabled: false },
      linter: {
        rules: {
          recommended: false,
          complexity: {
            noExcessiveLinesPerFunction: { level: 'error', options: { maxLines: 50, skipBlankLines: true } },
          },
        },
      },
    }),
  );
  const out = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'biome'),
    ['lint', '--colors=off', '--max-diagnostics=500', '.'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  const counts = [...`${out.stdout}${out.stderr}`.matchAll(/too many lines \((\d+)\)/g)].map((m) => Number(m[1]));
  return { max: Math.max(50, ...counts), over50: counts.length };
}

function duplicateRows(dir: string): number {
  const out = spawnSync('duplicates', ['--repo', dir, '--most', '200', '--seconds', '60'], { encoding: 'utf8' });
  return (out.stdout ?? '').split('\n').filter((l) => /\S/.test(l) && !/^(no duplicates|incomplete)/.test(l)).length;
}

const refs = process.argv.slice(2).length ? process.argv.slice(2) : [BEFORE, 'HEAD'];
console.log(
  '| commit | files on the tip path | largest function (lines) | functions over 50 lines | duplicates rows |',
);
console.log('|---|---|---|---|---|');
for (const ref of refs) {
  const dir = checkout(ref);
  try {
    const fn = largestFunctions(dir);
    console.log(`| ${ref} | ${await filesOnTipPath(dir)} | ${fn.max} | ${fn.over50} | ${duplicateRows(dir)} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
