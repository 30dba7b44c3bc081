// Installs dependencies when they are missing or older than package-lock.json, so that
// `npm start` and `npm test` work on a fresh clone. Plain Node, no dependencies of its own.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lock = join(root, 'package-lock.json');
const marker = join(root, 'node_modules', '.package-lock.json');

function stale() {
  if (!existsSync(marker)) return true;
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
}

if (stale()) {
  const cmd = existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund';
  console.error(`[phithak] installing dependencies: ${cmd}`);
  execSync(cmd, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

// npm 11 may skip install scripts; esbuild ships its binary in an optional dependency,
// so check that it really runs rather than trusting the install.
try {
  execSync("node -e \"require('esbuild').transformSync('let a=1')\"", { cwd: root, stdio: 'ignore' });
} catch {
  console.error('[phithak] esbuild does not run after install; try `npm rebuild esbuild`.');
  process.exit(1);
}
