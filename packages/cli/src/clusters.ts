import { listClusters, type SpecSource } from '@aks-hybrid/spec';
import { UsageError } from './repo.js';

/** Resolves the clusters a command runs on: named ones, --all, or the only one there is. */
export function selectClusters(source: SpecSource, named: readonly string[], all: boolean): string[] {
  const known = listClusters(source);
  if (all) return known;
  if (named.length > 0) return [...named];
  if (known.length === 1) return known;
  throw new UsageError(
    known.length === 0 ? 'no clusters under apps/ (each needs apps/<cluster>/platform.yaml)' : `name a cluster or pass --all; clusters: ${known.join(', ')}`,
  );
}
