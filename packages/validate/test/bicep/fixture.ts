// Loads the fixture landing zone in test/bicep/landing-zone as a repo-relative file map.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('./landing-zone/', import.meta.url));

/** Keys look like `infra/main.bicep`, `infra/modules/aks.bicep`, as a renderer would emit them. */
export function loadLandingZone(prefix = 'infra'): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(`${prefix}/${relative(ROOT, path).split('\\').join('/')}`, readFileSync(path, 'utf8'));
    }
  };
  walk(ROOT);
  return files;
}

/**
 * Returns a copy of `files` with one textual edit. Throws when `from` is not
 * found exactly once, so a negative test cannot silently stop mutating anything.
 */
export function mutate(files: Map<string, string>, file: string, from: string, to: string): Map<string, string> {
  const content = files.get(file);
  if (content === undefined) throw new Error(`fixture has no ${file}`);
  const first = content.indexOf(from);
  if (first < 0 || content.indexOf(from, first + 1) >= 0) {
    throw new Error(`expected exactly one occurrence of ${JSON.stringify(from)} in ${file}`);
  }
  const copy = new Map(files);
  copy.set(file, content.replace(from, to));
  return copy;
}
