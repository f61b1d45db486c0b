import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

// Static package data: the Bicep modules and the templates ship with the package (package.json
// "files"), so reading them is part of the renderer, not input. Read once per process.
const PACKAGE_ROOT = new URL('../', import.meta.url);
const cache = new Map<string, string>();

/** A file of the package, by its path from the package root (e.g. `bicep/modules/aks.bicep`). */
export function packageFile(path: string): string {
  let text = cache.get(path);
  if (text === undefined) {
    text = readFileSync(new URL(path, PACKAGE_ROOT), 'utf8');
    cache.set(path, text);
  }
  return text;
}

/** Bicep files a Bicep file pulls in (`module x '<path>'`, `import ... from '<path>'`), relative to it. */
export function bicepReferences(text: string): string[] {
  const refs = [...text.matchAll(/^\s*(?:module\s+\w+\s+|import\s+.*\bfrom\s+)'([^']+\.bicep)'/gm)].map((m) => m[1]!);
  return [...new Set(refs)];
}

/**
 * The module files `main` needs, transitively, as `modules/...` paths relative to main.bicep, sorted.
 * Only what main.bicep references ships: a cluster without VPN gets no vpn.bicep.
 */
export function referencedModules(main: string): string[] {
  const found = new Set<string>();
  const visit = (text: string, dir: string) => {
    for (const ref of bicepReferences(text)) {
      const path = posix.normalize(posix.join(dir, ref));
      if (found.has(path)) continue;
      found.add(path);
      visit(packageFile(`bicep/${path}`), posix.dirname(path));
    }
  };
  visit(main, '.');
  return [...found].sort();
}
