import type { Tree } from '@nx/devkit';
import { teamPath, type ClusterSpec, type Team } from '@aks-hybrid/spec';
import { loadRequestedCluster } from '../internal/requested-cluster.js';
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
  const { cluster, spec } = loadRequestedCluster(
    tree,
    schema.cluster,
    (message) => new OffboardingError(message),
    'the cluster spec must be valid before a team can be removed; nothing was written.',
  );
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
