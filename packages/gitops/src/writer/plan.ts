import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedMarker, manifestPath, outputRoots } from '../layout.js';
import { buildManifest, parseManifest, serializeManifest } from './manifest.js';

/** Read access to the tree a plan is made against: the working tree, or an Nx Tree in the generator. */
export interface TreeReader {
  read(path: string): string | undefined;
}

export function workingTreeReader(root: string): TreeReader {
  return {
    read(path) {
      const full = join(root, path);
      return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    },
  };
}

export interface FileChange {
  readonly path: string;
  readonly kind: 'add' | 'change';
  readonly content: string;
  readonly previous?: string;
}

/** What applying a render would do to the working tree. */
export interface WritePlan {
  readonly cluster: string;
  readonly writes: readonly FileChange[];
  /** Files the kit generated earlier that the spec no longer renders. */
  readonly deletes: readonly string[];
  readonly unchanged: number;
  /** Hand-written files in the way of rendered ones: applying is refused while there are any. */
  readonly conflicts: readonly string[];
}

/**
 * Compares the rendered files (plus the manifest that records them) with the working tree. Reads
 * only; applyPlan does the writing.
 */
export function planWrite(tree: string | TreeReader, cluster: string, rendered: ReadonlyMap<string, string>): WritePlan {
  const reader = typeof tree === 'string' ? workingTreeReader(tree) : tree;
  const roots = outputRoots(cluster);
  for (const path of rendered.keys()) {
    if (!roots.some((r) => path.startsWith(`${r}/`))) throw new Error(`renderer bug: ${path} is outside the outputs of ${cluster} (${roots.join(', ')})`);
  }
  const previousText = reader.read(manifestPath(cluster));
  const previous = previousText === undefined ? undefined : parseManifest(cluster, previousText);
  const files = new Map(rendered);
  files.set(manifestPath(cluster), serializeManifest(buildManifest(cluster, rendered)));

  const writes: FileChange[] = [];
  const conflicts: string[] = [];
  let unchanged = 0;
  for (const [path, content] of files) {
    const current = reader.read(path);
    if (current === content) {
      unchanged++;
      continue;
    }
    if (current !== undefined && !previous?.files[path] && path !== manifestPath(cluster) && !current.includes(generatedMarker(cluster))) {
      conflicts.push(path);
    }
    writes.push({ path, kind: current === undefined ? 'add' : 'change', content, ...(current !== undefined ? { previous: current } : {}) });
  }
  const deletes = Object.keys(previous?.files ?? {})
    .filter((path) => !rendered.has(path) && reader.read(path) !== undefined)
    .sort();
  return { cluster, writes, deletes, unchanged, conflicts };
}

export const planIsEmpty = (plan: WritePlan) => plan.writes.length === 0 && plan.deletes.length === 0;
