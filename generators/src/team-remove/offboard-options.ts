import type { Tree } from '@nx/devkit';
import { listClusters, loadCluster, SpecError, teamPath, type ClusterSpec, type Team } from '@aks-hybrid/spec';
import { treeSource } from '../team-namespace/tree-source.js';
import type { TeamRemoveGeneratorSchema } from './schema.js';

/** Bad input, stated so that the user can fix it; thrown before anything is written. */
export class OffboardingError extends Error {}

export interface OffboardOptions {
  readonly name: string;
  readonly cluster: string;
  readonly teamFile: string;
  readonly commit: boolean;
  readonly runbook: boolean;
  /** The cluster as it is now, and the team in it (undefined: not a team of the cluster). */
  readonly spec: ClusterSpec;
  readonly team?: Team;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Checks the options against the repository; reads only. */
export function normalizeOffboardOptions(tree: Tree, schema: TeamRemoveGeneratorSchema): OffboardOptions {
  const name = typeof schema.name === 'string' ? schema.name.trim() : '';
  if (!DNS_LABEL.test(name) || name.length > 40) {
    throw new OffboardingError(
      `"${schema.name}" is not a team name: a team is a namespace name (lowercase letters, digits and '-', at most 40 characters), e.g. payments`,
    );
  }
  const source = treeSource(tree);
  const clusters = listClusters(source);
  const cluster = schema.cluster ?? (clusters.length === 1 ? clusters[0]! : undefined);
  if (!cluster) {
    throw new OffboardingError(
      clusters.length === 0
        ? 'no cluster found under apps/ (each needs apps/<cluster>/platform.yaml)'
        : `--cluster is required when the repository has several clusters: ${clusters.join(', ')}`,
    );
  }
  if (!clusters.includes(cluster)) throw new OffboardingError(`--cluster "${cluster}" does not exist; clusters: ${clusters.join(', ') || '(none)'}`);
  let spec: ClusterSpec;
  try {
    spec = loadCluster(source, cluster);
  } catch (error) {
    if (error instanceof SpecError)
      throw new OffboardingError(`the cluster spec must be valid before a team can be removed; nothing was written.\n${error.message}`);
    throw error;
  }
  const team = spec.teams.find((t) => t.name === name);
  return {
    name,
    cluster,
    teamFile: team?.file ?? teamPath(cluster, name),
    commit: schema.commit === true,
    runbook: schema.runbook === true,
    spec,
    ...(team ? { team } : {}),
  };
}
