import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Root of the checkout (the folder with package.json), found from this file so it
 * works both from sources (tests) and from dist/ (npm start).
 */
export function repoRoot(start = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export function configPath(...parts: string[]): string {
  return join(repoRoot(), 'config', ...parts);
}
