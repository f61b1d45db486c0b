import type { TeamFile } from '../schema/team.js';

/**
 * The ServiceAccount of the kit's secret-sync Deployments (one per team). The Secrets Store CSI driver
 * creates a synced Kubernetes Secret only while a pod mounts its SecretProviderClass, and deletes it
 * when the last such pod goes ("the secrets will sync only after you start a pod to mount them":
 * https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options, "Sync mounted
 * content with a Kubernetes secret"; https://azure.github.io/secrets-store-csi-driver-provider-azure/docs/configurations/sync-with-k8s-secrets/),
 * so an entry no workload mounts gets a minimal Deployment that does; it reads Key Vault with the
 * team identity, so this account is federated like a workload's.
 */
export const SECRET_SYNC_SERVICE_ACCOUNT = 'secret-sync';

/** Name of the Deployment that keeps the synced Secret of one `secrets` entry alive. */
export function secretSyncWorkloadName(secret: string): string {
  return `secret-sync-${secret}`;
}

/** What `unmountedSyncedSecrets` reads: a team file's `spec`, or a loaded `Team` (the renderer's view). */
export interface SecretsAndMounts {
  readonly workloads?: ReadonlyArray<{ readonly secrets?: readonly string[] }>;
  readonly secrets?: ReadonlyArray<{ readonly name: string; readonly syncToSecret?: unknown }>;
}

/**
 * Names of the `secrets` entries that sync to a Kubernetes Secret but that no workload mounts: each gets
 * a secret-sync Deployment. One function for the spec's checks and the renderer, so the accounts the
 * identity is federated with and the accounts rendered cannot disagree.
 */
export function unmountedSyncedSecrets(team: SecretsAndMounts): string[] {
  const mounted = new Set((team.workloads ?? []).flatMap((w) => w.secrets ?? []));
  return (team.secrets ?? []).filter((s) => s.syncToSecret && !mounted.has(s.name)).map((s) => s.name);
}

/**
 * The ServiceAccounts a team identity is federated with when the team file lists none: one per
 * workload (named after it, charts: workload-service-account.ts), plus the secret-sync account when
 * the kit renders a secret-sync Deployment.
 */
export function defaultFederatedServiceAccounts(team: TeamFile): string[] {
  const workloads = (team.spec.workloads ?? []).map((w) => w.name);
  return unmountedSyncedSecrets(team.spec).length > 0 ? [...workloads, SECRET_SYNC_SERVICE_ACCOUNT] : workloads;
}
