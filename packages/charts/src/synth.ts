import type { ClusterSpec, Team } from '@aks-hybrid/spec';
import type { ManifestUnit } from './manifest.js';
import { calicoApiServerUnit, calicoUnit } from './units/calico.js';
import { fluxEntryUnit } from './units/flux-entry.js';
import { infrastructureUnit } from './units/infrastructure.js';
import { teamUnit } from './units/team.js';

/**
 * Every folder of `gitops/clusters/<cluster>/`, in a stable order: the platform folders
 * (synthPlatformManifests), then one folder per team in the spec's (name) order.
 * The `teams/` index folder holds no objects and is not returned. Pure: no disk, no clock.
 */
export function synthClusterManifests(spec: ClusterSpec): ManifestUnit[] {
  return [...synthPlatformManifests(spec), ...spec.teams.map((team) => teamUnit(spec, team))];
}

/**
 * The folders that are not a team's: entry, infrastructure, calico-apiserver and calico (when the spec
 * opts into `calicoApiPolicies`). With synthTeamManifests per team, a render can hold one team at a time.
 */
export function synthPlatformManifests(spec: ClusterSpec): ManifestUnit[] {
  const units = [fluxEntryUnit(spec), infrastructureUnit(spec)];
  if (spec.cluster.calicoApiPolicies) units.push(calicoApiServerUnit(), calicoUnit(spec));
  return units;
}

/** The folder `teams/<team>` alone, for the team generator and the benchmark. */
export function synthTeamManifests(spec: ClusterSpec, team: Team): ManifestUnit {
  return teamUnit(spec, team);
}
