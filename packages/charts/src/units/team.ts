import type { ClusterSpec, Team } from '@aks-hybrid/spec';
import { EgressPolicy } from '../constructs/egress-policy.js';
import { IngressControllerAccess } from '../constructs/ingress-controller-access.js';
import { NamespaceIsolation } from '../constructs/namespace-isolation.js';
import { TeamAccess } from '../constructs/team-access.js';
import { TeamLimitRange } from '../constructs/team-limit-range.js';
import { TeamNamespace } from '../constructs/team-namespace.js';
import { TeamQuota } from '../constructs/team-quota.js';
import { TenantDelivery } from '../constructs/tenant-delivery.js';
import { WorkloadServiceAccount } from '../constructs/workload-service-account.js';
import { APP_NAME_LABEL, KIT_PREFIX, managedBy, PART_OF_LABEL } from '../labels.js';
import { egressIntents } from '../network-model.js';
import { formatCpuFloor, formatMemoryFloor } from '../internal/quantities.js';
import { largestNode, userPool } from '../internal/scheduling.js';
import { UnitBuilder, type ManifestUnit } from '../manifest.js';
import { composeSecrets, composeSecretSyncs, composeWorkload, federatedClientId, teamServiceAccounts } from './team-workloads.js';
import { composeTeamNotifications } from './team-notifications.js';

/**
 * The folder of one team: `namespace.yaml` (Namespace, ResourceQuota, LimitRange), `rbac.yaml`
 * (RoleBindings, one ServiceAccount per workload and per other federated account),
 * `network-policies.yaml`, `secrets.yaml` (SecretProviderClasses, when the team has secrets), one
 * `workload-<name>.yaml` per workload (Deployment, StatefulSet or CronJob with what goes with it) and
 * one `secret-sync-<name>.yaml` per synced secret no workload mounts. With `notifications`,
 * `notifications.yaml` (Flux Provider and Alert for the team's own Flux objects).
 */
export function teamUnit(spec: ClusterSpec, team: Team): ManifestUnit {
  const unit = new UnitBuilder(`teams/${team.name}`);
  composeTeam(unit, spec, team);
  return unit.render();
}

/** Adds the charts of the folder to `unit`. */
export function composeTeam(unit: UnitBuilder, spec: ClusterSpec, team: Team): void {
  const namespace = team.name;

  const ns = unit.file('namespace.yaml');
  new TeamNamespace(ns, 'Namespace', {
    name: namespace,
    kubernetesVersion: spec.cluster.kubernetesVersion,
    labels: team.labels,
    annotations: {
      ...(team.description ? { [`${KIT_PREFIX}/description`]: team.description } : {}),
      ...(team.contact ? { [`${KIT_PREFIX}/contact`]: team.contact } : {}),
    },
  });
  new TeamQuota(ns, 'Quota', { namespace, ...team.quota });
  const pools = [...new Set([team.nodePool, ...team.workloads.map((w) => w.nodePool)])].map((name) => userPool(spec, name));
  const node = largestNode(pools);
  new TeamLimitRange(ns, 'LimitRange', {
    namespace,
    defaultRequest: team.defaults.request,
    defaultLimit: team.defaults.limit,
    max: { cpu: formatCpuFloor(node.cores), memory: formatMemoryFloor(node.memoryBytes) },
  });

  const rbac = unit.file('rbac.yaml');
  new TeamAccess(rbac, 'Access', {
    namespace,
    editGroupObjectId: team.groupObjectId,
    ...(team.readOnlyGroupObjectId !== undefined ? { viewGroupObjectId: team.readOnlyGroupObjectId } : {}),
  });
  for (const account of teamServiceAccounts(team)) {
    new WorkloadServiceAccount(rbac, `ServiceAccount-${account}`, {
      name: account,
      namespace,
      labels: { [APP_NAME_LABEL]: account, [PART_OF_LABEL]: team.name, ...managedBy() },
      workloadIdentityClientId: federatedClientId(team, account),
    });
  }

  const net = unit.file('network-policies.yaml');
  new NamespaceIsolation(net, 'Isolation', { namespace });
  for (const w of team.workloads) {
    if (!w.ingress) continue;
    new IngressControllerAccess(net, `Ingress-${w.name}`, { namespace, workload: w.name, port: w.port, controllerNamespace: spec.ingress.controllerNamespace });
  }
  // Always Kubernetes ipBlocks, from the same one network model as the Calico sets: a team folder holds
  // no projectcalico.org/v3 object, so it applies on stock AKS and never waits for the Calico API.
  for (const intent of egressIntents(spec, team)) new EgressPolicy(net, `Egress-${intent.name}`, { namespace, intent, rendering: 'kubernetes' });

  composeSecrets(unit, spec, team);
  for (const w of team.workloads) composeWorkload(unit.file(`workload-${w.name}.yaml`), spec, team, w);
  composeSecretSyncs(unit, spec, team);
  composeTeamNotifications(unit, spec, team);
  // The team's own sources (docs/decisions/0107): only when it declares delivery.
  if (team.delivery) new TenantDelivery(unit.file('delivery.yaml'), 'Delivery', { namespace, sources: team.delivery.sources });
}
