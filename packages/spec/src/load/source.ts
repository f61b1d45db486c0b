import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where spec files come from: the working tree for the CLI, an Nx Tree for the generator, a map in
 * tests. Paths are repo-relative with forward slashes.
 */
export interface SpecSource {
  read(path: string): string | undefined;
  /** Names of the entries directly inside a folder (files and folders), or [] when absent. */
  list(dir: string): string[];
}

export function fileSystemSource(root: string): SpecSource {
  return {
    read(path) {
      const full = join(root, path);
      return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
    },
    list(dir) {
      const full = join(root, dir);
      return existsSync(full) && statSync(full).isDirectory() ? readdirSync(full).sort() : [];
    },
  };
}

/** An in-memory source; `overrides` win over `base`, and `undefined` deletes a file. */
export function memorySource(files: ReadonlyMap<string, string | undefined>, base?: SpecSource): SpecSource {
  return {
    read(path) {
      if (files.has(path)) return files.get(path);
      return base?.read(path);
    },
    list(dir) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set(base?.list(dir) ?? []);
      for (const [path, content] of files) {
        if (!path.startsWith(prefix)) continue;
        const name = path.slice(prefix.length).split('/')[0]!;
        if (content === undefined && !path.slice(prefix.length).includes('/')) names.delete(name);
        else names.add(name);
      }
      return [...names].sort();
    },
  };
}
