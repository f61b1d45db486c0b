import {
  SECRET_SYNC_SERVICE_ACCOUNT,
  secretSyncWorkloadName,
  unmountedSyncedSecrets,
  type ClusterSpec,
  type Team,
  type Workload as WorkloadSpec,
} from '@aks-hybrid/spec';
import type { Chart } from 'cdk8s';
import { CronWorkload } from '../constructs/cron-workload.js';
import { SecretProviderClass } from '../constructs/secret-provider-class.js';
import { pauseImage, SecretSync } from '../constructs/secret-sync.js';
import { StatefulWorkload } from '../constructs/stateful-workload.js';
import { Workload } from '../constructs/workload.js';
import { userPool } from '../internal/scheduling.js';
import { managedBy, PART_OF_LABEL } from '../labels.js';
import type { UnitBuilder } from '../manifest.js';

/**
 * The client ID a ServiceAccount of the team is annotated with: only when the account is federated
 * with the team identity and the client ID is recorded (docs/decisions/0106: nothing is guessed).
 */
export function federatedClientId(team: Team, serviceAccount: string): string | undefined {
  const identity = team.azureIdentity;
  return identity?.clientId && identity.serviceAccounts.includes(serviceAccount) ? identity.clientId : undefined;
}

/** Every ServiceAccount the team folder holds: one per workload, then the other federated accounts, sorted. */
export function teamServiceAccounts(team: Team): string[] {
  const workloads = team.workloads.map((w) => w.name);
  const others = (team.azureIdentity?.serviceAccounts ?? []).filter((a) => !workloads.includes(a));
  const sync = unmountedSyncedSecrets(team).length > 0 && !others.includes(SECRET_SYNC_SERVICE_ACCOUNT) ? [SECRET_SYNC_SERVICE_ACCOUNT] : [];
  return [...workloads, ...[...others, ...sync].sort()];
}

/**
 * `secrets.yaml`: one SecretProviderClass per team secret, reading the team's vault with its identity.
 * The spec refuses secrets until the identity has Key Vault access and a recorded client ID, so a
 * miss here is a bug.
 */
export function composeSecrets(unit: UnitBuilder, spec: ClusterSpec, team: Team): void {
  const secrets = team.secrets ?? [];
  if (secrets.length === 0) return;
  const identity = team.azureIdentity;
  if (!identity?.clientId || !identity.keyVault)
    throw new Error(`team "${team.name}" has secrets but no identity with Key Vault access and a recorded client ID`);
  const file = unit.file('secrets.yaml');
  for (const secret of secrets) {
    new SecretProviderClass(file, `SecretProviderClass-${secret.name}`, {
      namespace: team.name,
      secret,
      clientId: identity.clientId,
      keyVaultName: identity.keyVault,
      tenantId: spec.azure.tenantId,
      labels: { [PART_OF_LABEL]: team.name, ...managedBy() },
    });
  }
}

/** One workload's file: the objects of its kind. */
export function composeWorkload(file: Chart, spec: ClusterSpec, team: Team, w: WorkloadSpec): void {
  const common = {
    name: w.name,
    namespace: team.name,
    partOf: team.name,
    image: w.image,
    resources: w.resources,
    nodePool: userPool(spec, w.nodePool),
    env: w.env,
    workloadIdentity: federatedClientId(team, w.name) !== undefined,
    secrets: w.secrets ?? [],
  };
  switch (w.kind ?? 'Deployment') {
    case 'Deployment':
      new Workload(file, 'Workload', { ...common, port: w.port, replicas: w.replicas, autoscaling: w.autoscaling, healthPath: w.healthPath });
      return;
    case 'StatefulSet': {
      const stateful = w.stateful!;
      new StatefulWorkload(file, 'Workload', {
        ...common,
        port: w.port,
        healthPath: w.healthPath,
        replicas: w.replicas,
        ...(stateful.autoscaled ? { autoscaling: w.autoscaling } : {}),
        volumeClaims: stateful.volumeClaims,
        retention: stateful.retention,
      });
      return;
    }
    case 'CronJob':
      new CronWorkload(file, 'Workload', { ...common, ...w.cronJob! });
      return;
  }
}

/** `secret-sync-<name>.yaml` for each synced team secret no workload mounts (secret-sync.ts says why). */
export function composeSecretSyncs(unit: UnitBuilder, spec: ClusterSpec, team: Team): void {
  for (const secret of unmountedSyncedSecrets(team)) {
    const name = secretSyncWorkloadName(secret);
    new SecretSync(unit.file(`${name}.yaml`), 'SecretSync', {
      name,
      namespace: team.name,
      partOf: team.name,
      secret,
      serviceAccountName: SECRET_SYNC_SERVICE_ACCOUNT,
      image: pauseImage(spec.registry.loginServer, spec.images.allowedRegistries),
      nodePool: userPool(spec, team.nodePool),
      workloadIdentity: federatedClientId(team, SECRET_SYNC_SERVICE_ACCOUNT) !== undefined,
    });
  }
}
