/** Where the project's own files are, from `src/` (tsx) and from `dist/server/` (built) alike. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project root (no package.json above this module)');
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();

export const projectPath = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
