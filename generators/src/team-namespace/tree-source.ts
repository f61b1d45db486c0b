import type { Tree } from '@nx/devkit';
import type { TreeReader } from '@aks-hybrid/gitops';
import type { SpecSource } from '@aks-hybrid/spec';

/** The spec loader and the planner read through the Nx Tree, so --dry-run and tests see the truth. */
export function treeSource(tree: Tree): SpecSource & TreeReader {
  return {
    read: (path) => tree.read(path, 'utf8') ?? undefined,
    list: (dir) => (tree.exists(dir) && !tree.isFile(dir) ? tree.children(dir).sort() : []),
  };
}
