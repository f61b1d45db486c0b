// Nx Trees for the generators' tests: the repository's spec and committed output, as a user's workspace
// holds them, plus a snapshot to prove what a run changed and a recording stand-in for git. Not shipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { planWrite, renderAndValidate } from '@aks-hybrid/gitops';
import { treeSource } from '../team-namespace/tree-source.js';

/** The kit's repository (the spec and the committed output the tests start from). */
export const REPO = join(import.meta.dirname, '../../..');

/** A Tree holding `apps/`, `gitops/` and the cluster's `docs/` from the repository, as committed. */
export function committedTree(cluster: string): Tree {
  const tree = createTreeWithEmptyWorkspace();
  const copy = (rel: string) => {
    const full = join(REPO, rel);
    if (statSync(full).isDirectory()) for (const name of readdirSync(full)) copy(`${rel}/${name}`);
    else tree.write(rel, readFileSync(full));
  };
  for (const dir of ['apps', 'gitops', `docs/${cluster}`]) copy(dir);
  return tree;
}

/**
 * The committed tree with the cluster rendered again the way `pnpm render` does, so a test does not
 * depend on whether the committed output is current.
 */
export async function renderedTree(cluster: string): Promise<Tree> {
  const tree = committedTree(cluster);
  const { files } = await renderAndValidate(treeSource(tree), cluster);
  const plan = planWrite(treeSource(tree), cluster, files);
  for (const w of plan.writes) tree.write(w.path, w.content);
  for (const path of plan.deletes) tree.delete(path);
  return tree;
}

/** Path -> content of every file in the Tree, to prove what a run changed (or that it changed nothing). */
export function treeSnapshot(tree: Tree): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of tree.children(dir)) {
      const path = dir ? `${dir}/${name}` : name;
      if (tree.isFile(path)) out.set(path, tree.read(path, 'utf8')!);
      else walk(path);
    }
  };
  walk('');
  return out;
}

/** The paths whose content differs between two snapshots (added and removed included), sorted. */
export const changedPaths = (before: Map<string, string>, after: Map<string, string>): string[] =>
  [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p)).sort();

/** A git that reports the given status and branches on main, and records every call. */
export function fakeGit(status = '', branches = ''): { calls: string[][]; git: (args: string[]) => string } {
  const calls: string[][] = [];
  const git = (args: string[]) => {
    calls.push(args);
    if (args[0] === 'status') return status;
    if (args[0] === 'branch' && args[1] === '--show-current') return 'main\n';
    if (args[0] === 'branch' && args[1] === '--list') return branches;
    return '';
  };
  return { calls, git };
}
