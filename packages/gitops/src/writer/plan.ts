import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedMarker, manifestPath } from '../layout.js';
import { buildManifest, parseManifest, serializeManifest } from './manifest.js';
import { ownedPathProblem, symlinkChecker } from './owned-paths.js';

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

/**
 * One file a plan writes. `content` is read from the render and `previous` from the tree when asked, not
 * held: a plan of 70,000 files would otherwise hold the whole tree twice (decision 0013).
 */
export interface FileChange {
  readonly path: string;
  readonly kind: 'add' | 'change';
  readonly content: string;
  /** The file as it is in the tree (read again when asked: use it before applying, as describePlan does). */
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
  /**
   * Paths the kit must not touch: manifest entries outside the cluster's outputs, symbolic links on
   * the way to an output. Each is a message naming the file (and entry); applying is refused while
   * there are any, and none of them is read, written or deleted.
   */
  readonly refusals: readonly string[];
}

export interface PlanOptions {
  /** The repository on disk, for the symbolic-link checks, when `tree` is a TreeReader (the Nx Tree). */
  readonly root?: string;
}

/**
 * Compares the rendered files (plus the manifest that records them) with the working tree. Reads
 * only; applyPlan does the writing. Every path is checked before it is read: a manifest entry must lie
 * under the cluster's output roots, and no component of any path may be a symbolic link.
 */
export function planWrite(tree: string | TreeReader, cluster: string, rendered: ReadonlyMap<string, string>, options: PlanOptions = {}): WritePlan {
  const reader = typeof tree === 'string' ? workingTreeReader(tree) : tree;
  const root = typeof tree === 'string' ? tree : options.root;
  for (const path of rendered.keys()) {
    const problem = ownedPathProblem(cluster, path);
    if (problem) throw new Error(`renderer bug: ${JSON.stringify(path)} ${problem}`);
  }
  const refusals = new Set<string>();
  const linkProblem = root === undefined ? () => undefined : symlinkChecker(root);
  /** A path is readable when no component is a link; a link is reported once, by name. */
  const safe = (path: string) => {
    const problem = linkProblem(path);
    if (problem) refusals.add(problem);
    return problem === undefined;
  };

  const manifestFile = manifestPath(cluster);
  const previousText = safe(manifestFile) ? reader.read(manifestFile) : undefined;
  const previous = previousText === undefined ? undefined : parseManifest(cluster, previousText);
  const owned = new Set<string>();
  for (const entry of Object.keys(previous?.files ?? {})) {
    const problem = ownedPathProblem(cluster, entry);
    if (problem) {
      refusals.add(
        `${manifestFile}: entry ${JSON.stringify(entry)} ${problem}; it was not deleted. The manifest lists only files the kit ` +
          `generated: restore it from git or delete it (the kit adopts its own files again) and render again`,
      );
    } else owned.add(entry);
  }
  // The rendered files are read one at a time and not copied: a large render keeps most of its text in a
  // temporary file (RenderedFiles), and a change's content is read again when it is written.
  const manifestText = serializeManifest(buildManifest(cluster, rendered));
  const textOf = (path: string) => (path === manifestFile ? manifestText : rendered.get(path)!);
  const paths = rendered.has(manifestFile) ? rendered.keys() : [...rendered.keys(), manifestFile];

  const writes: FileChange[] = [];
  const conflicts: string[] = [];
  let unchanged = 0;
  for (const path of paths) {
    if (!safe(path)) continue;
    const current = reader.read(path);
    if (current === textOf(path)) {
      unchanged++;
      continue;
    }
    if (current !== undefined && !owned.has(path) && path !== manifestFile && !current.includes(generatedMarker(cluster))) {
      conflicts.push(path);
    }
    const change: FileChange = {
      path,
      kind: current === undefined ? 'add' : 'change',
      get content() {
        return textOf(path);
      },
    };
    // Defined, not spread: spreading an object literal would read the getter at once.
    if (current !== undefined) Object.defineProperty(change, 'previous', { get: () => reader.read(path), enumerable: true });
    writes.push(change);
  }
  const deletes = [...owned].filter((path) => !rendered.has(path) && safe(path) && reader.read(path) !== undefined).sort();
  return { cluster, writes, deletes, unchanged, conflicts, refusals: [...refusals] };
}

export const planIsEmpty = (plan: WritePlan) => plan.writes.length === 0 && plan.deletes.length === 0;
