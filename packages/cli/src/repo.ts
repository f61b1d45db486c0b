import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest folder up from `start` with an apps/ folder and nx.json. */
export function findRepoRoot(start = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'nx.json')) && existsSync(join(dir, 'apps'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new UsageError(`no kit repository found at or above ${start} (looked for nx.json and apps/)`);
    dir = parent;
  }
}

/** Wrong invocation: exit code 2 with the message and the usage. */
export class UsageError extends Error {}
