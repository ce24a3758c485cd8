import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository (or installed package) root: the nearest folder upwards holding package.json and prisma/.
 * The code runs from sources under Jest and from dist/ when built, so relative paths would differ.
 */
export function repositoryRoot(): string {
  let dir = typeof __dirname === 'undefined' ? process.cwd() : __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'prisma'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
