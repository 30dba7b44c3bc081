import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** Newest modification time under a path, skipping build output and dependencies. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  const children = readdirSync(path).filter((n) => n !== 'dist' && n !== 'node_modules');
  return Math.max(s.mtimeMs, ...children.map((n) => newestMtime(join(path, n))));
}

/** Builds the web app with Vite when `web/dist` is missing or older than its sources. */
export async function ensureWebBuild(): Promise<string> {
  const web = join(repoRoot, 'web');
  const dist = join(web, 'dist');
  const built = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;
  // The app, its Vite plugins and config, and the shared core it imports.
  const sources = Math.max(newestMtime(web), newestMtime(join(repoRoot, 'shared')));
  if (built && built >= sources) return dist;
  const { build } = await import('vite');
  await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  return dist;
}
