import type { Tree } from '@nx/devkit';
import { listClusters, loadCluster, SpecError, type ClusterSpec } from '@aks-hybrid/spec';
import { treeSource } from '../team-namespace/tree-source.js';

/**
 * The cluster a generator runs on (--cluster, or the only one of the repository) and its loaded spec,
 * read through the Tree. A missing or unknown cluster, and a spec that does not load, are refused:
 * `refuse` makes the generator's own error type; `invalid` opens the message of a spec that does not load.
 */
export function loadRequestedCluster(
  tree: Tree,
  requested: string | undefined,
  refuse: (message: string) => Error,
  invalid: string,
): { cluster: string; spec: ClusterSpec } {
  const source = treeSource(tree);
  const clusters = listClusters(source);
  const cluster = requested ?? (clusters.length === 1 ? clusters[0]! : undefined);
  if (!cluster) {
    throw refuse(
      clusters.length === 0
        ? 'no cluster found under apps/ (each needs apps/<cluster>/platform.yaml)'
        : `--cluster is required when the repository has several clusters: ${clusters.join(', ')}`,
    );
  }
  if (!clusters.includes(cluster)) throw refuse(`--cluster "${cluster}" does not exist; clusters: ${clusters.join(', ') || '(none)'}`);
  try {
    return { cluster, spec: loadCluster(source, cluster) };
  } catch (error) {
    if (error instanceof SpecError) throw refuse(`${invalid}\n${error.message}`);
    throw error;
  }
}
