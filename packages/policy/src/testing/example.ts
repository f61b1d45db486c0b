/** Shared by the policy package's tests: the example cluster's spec and ways to change it. Not shipped. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSystemSource, loadCluster, type ClusterSpec, type Team } from '@aks-hybrid/spec';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CLUSTER = 'weu-prod';

export type Obj = Record<string, any>;

let spec: ClusterSpec | undefined;
/** apps/weu-prod, loaded and checked by the spec package. */
export function exampleSpec(): ClusterSpec {
  spec ??= loadCluster(fileSystemSource(repoRoot), CLUSTER);
  return spec;
}

export function withTeamChange(base: ClusterSpec, name: string, change: (t: Team) => Team): ClusterSpec {
  return { ...base, teams: base.teams.map((t) => (t.name === name ? change(t) : t)) };
}

export const REASON = 'Vendor image until the vendor ships to our registry (TICKET-123)';

export function withTeamException(base: ClusterSpec, team: string, rule: string, object: string, reason = REASON): ClusterSpec {
  return withTeamChange(base, team, (t) => ({ ...t, policyExceptions: [...t.policyExceptions, { rule, object, reason }] }));
}

export function withPlatformException(base: ClusterSpec, rule: string, object: string, reason = REASON): ClusterSpec {
  return { ...base, policyExceptions: [...(base.policyExceptions ?? []), { rule, object, reason }] };
}
