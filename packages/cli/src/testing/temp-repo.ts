import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A throwaway copy of the repository's specs and committed output (what a user's clone holds). */
export function tempRepo(): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'kit-repo-'));
  for (const entry of ['apps', 'gitops', 'docs', 'nx.json']) cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true });
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Rewrites one file of a repo through `change` (tests edit specs and rendered files this way). */
export function editFile(root: string, path: string, change: (text: string) => string): void {
  const full = join(root, path);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
}

/** Every file under root with its content: compare two of these to prove nothing changed. */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else out[path] = readFileSync(join(root, path), 'utf8');
    }
  };
  walk('');
  return out;
}
