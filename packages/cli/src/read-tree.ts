import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Reads every file under the given repo-relative folders into a path -> content map. */
export function readTree(root: string, dirs: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    const full = join(root, rel);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(`${rel}/${name}`);
    } else {
      files.set(rel, readFileSync(full, 'utf8'));
    }
  };
  for (const dir of dirs) walk(dir);
  return files;
}
