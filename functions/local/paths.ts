import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place (not the working directory). */
export const repoRoot = resolve(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
