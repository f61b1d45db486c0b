import {
  AGENT_POOL_LABEL,
  WORKLOAD_CLASS_TAINT,
  type ClusterSpec,
  type NodePool,
  type SecretRef,
  type StorageSettings,
  type Team,
  type Zone,
} from './model.js';
import type { PlatformFile, SystemPoolInput, UserPoolInput } from './schema/platform.js';
import type { TeamFile } from './schema/team.js';
import { lookupVmSize } from './vm-sizes.js';
import { sharedKeyVaultName, teamIdentityName, teamKeyVaultName } from './azure-names.js';
import { defaultFederatedServiceAccounts } from './checks/secrets-sync.js';
import { storageSettings } from './checks/storage.js';
import { notificationTarget } from './checks/notifications.js';
import { normalizeSecrets, normalizeWorkloadKind } from './normalize-workloads.js';
import { normalizeDelivery, normalizeTenantSources } from './normalize-delivery.js';

type SecretInput = { keyVaultName: string; resourceGroup: string; subscriptionId?: string; secretName: string };

/** Applies defaults and derives names. Runs only on specs that passed every check. */
export function normalizeCluster(platformPath: string, platform: PlatformFile, teams: ReadonlyArray<{ file: string; team: TeamFile }>): ClusterSpec {
  const s = platform.spec;
  const key = platform.metadata.name;
  const zones = s.azure.zones as Zone[];
  const secret = (ref: SecretInput): SecretRef => ({ ...ref, subscriptionId: ref.subscriptionId ?? s.azure.subscriptionId });
  const networkPolicy = s.cluster.networkPolicy ?? 'calico';
  const userPools = s.cluster.userPools.map((p) => normalizePool(p, 'User', zones));
  const clusterName = s.names?.cluster ?? `aks-${key}`;
  const storage = storageSettings(platform);

  return {
    name: key,
    service: platform.metadata.service,
    environment: platform.metadata.environment,
    ...(platform.metadata.description ? { description: platform.metadata.description } : {}),
    codeowners: platform.metadata.codeowners ?? [],
    file: platformPath,
    azure: { ...s.azure, zones, tags: { 'aks-hybrid-kit-cluster': key, ...(s.azure.tags ?? {}) } },
    names: {
      virtualNetwork: s.names?.virtualNetwork ?? `vnet-${key}`,
      cluster: clusterName,
      nodeResourceGroup: `${s.azure.resourceGroup}-nodes`,
      logAnalyticsWorkspace: s.names?.logAnalyticsWorkspace ?? `log-${key}`,
      controlPlaneIdentity: `id-${key}-control-plane`,
      kubeletIdentity: `id-${key}-kubelet`,
      natGateway: s.names?.natGateway ?? `ng-${key}`,
      egressPublicIpPrefix: `ippre-${key}-egress`,
      ingressPublicIp: `pip-${key}-ingress`,
      ingressSubnet: 'snet-ingress',
      expressRouteGateway: `vgw-${key}-er`,
      expressRouteConnection: `con-${key}-er`,
      vpnGateway: `vgw-${key}-vpn`,
      vpnConnection: `con-${key}-vpn`,
      localNetworkGateway: `lgw-${key}-onprem`,
      routeTable: `rt-${key}`,
      registryPrivateEndpoint: `pep-${s.registry.name.toLowerCase()}`,
    },
    network: {
      topology: s.network.topology ?? 'combined',
      ...(s.network.hubVirtualNetworkId ? { hubVirtualNetworkId: s.network.hubVirtualNetworkId } : {}),
      addressSpace: s.network.addressSpace,
      dnsServers: s.network.dnsServers ?? [],
      subnets: s.network.subnets,
      // Azure names a forwarding rule's domain with its final dot (dnsForwardingRulesets/forwardingRules).
      dnsForwarding: (s.network.dnsForwarding ?? []).map((rule) => ({
        domain: rule.domain.endsWith('.') ? rule.domain : `${rule.domain}.`,
        servers: rule.servers ?? s.network.dnsServers ?? [],
      })),
      privateDnsZones: { ...(s.network.privateDnsZones ?? {}) },
      podCidr: s.network.podCidr,
      serviceCidr: s.network.serviceCidr,
      dnsServiceIp: s.network.dnsServiceIp,
    },
    onPremises: { ranges: s.onPremises.ranges },
    connectivity: {
      expressRoute: {
        circuitId: s.connectivity.expressRoute.circuitId,
        ...(s.connectivity.expressRoute.authorizationKey ? { authorizationKey: secret(s.connectivity.expressRoute.authorizationKey) } : {}),
        gatewaySku: s.connectivity.expressRoute.gatewaySku,
        routingWeight: s.connectivity.expressRoute.routingWeight ?? 100,
        ...(s.connectivity.expressRoute.providerSla !== undefined ? { providerSla: s.connectivity.expressRoute.providerSla } : {}),
      },
      ...(s.connectivity.vpn
        ? {
            vpn: {
              gatewaySku: s.connectivity.vpn.gatewaySku,
              activeActive: s.connectivity.vpn.activeActive ?? true,
              azureBgpAsn: s.connectivity.vpn.azureBgpAsn ?? 65515,
              peer: s.connectivity.vpn.peer,
              sharedKey: secret(s.connectivity.vpn.sharedKey),
            },
          }
        : {}),
    },
    cluster: {
      kubernetesVersion: s.cluster.kubernetesVersion,
      tier: s.cluster.tier ?? 'Standard',
      autoUpgradeChannel: s.cluster.autoUpgradeChannel ?? 'patch',
      nodeOsUpgradeChannel: s.cluster.nodeOsUpgradeChannel ?? 'NodeImage',
      maintenanceWindow: {
        dayOfWeek: s.cluster.maintenanceWindow?.dayOfWeek ?? 'Sunday',
        startTime: s.cluster.maintenanceWindow?.startTime ?? '02:00',
        durationHours: s.cluster.maintenanceWindow?.durationHours ?? 4,
        utcOffset: s.cluster.maintenanceWindow?.utcOffset ?? '+00:00',
      },
      apiServer: { access: s.cluster.apiServer.access, authorizedRanges: s.cluster.apiServer.authorizedRanges ?? [] },
      networkPolicy,
      // Off unless asked for: AKS-managed Calico serves projectcalico.org/v3 only with the Calico API
      // server (Azure/AKS#4038), so a stock cluster gets Kubernetes NetworkPolicy only (docs/decisions/0103).
      calicoApiPolicies: networkPolicy === 'calico' && (s.cluster.calicoApiPolicies ?? false),
      systemPool: normalizePool(s.cluster.systemPool, 'System', zones),
      userPools,
    },
    registry: {
      name: s.registry.name,
      loginServer: `${s.registry.name.toLowerCase()}.azurecr.io`,
      replicaLocations: s.registry.replicaLocations ?? [],
      publicNetworkAccess: s.registry.publicNetworkAccess ?? 'Disabled',
      privateEndpoint: s.registry.privateEndpoint ?? true,
    },
    ingress: {
      controllerNamespace: s.ingress?.controllerNamespace ?? 'app-routing-system',
      publicIp: s.ingress?.publicIp ?? true,
      ...(s.ingress?.allocatedAddress ? { allocatedAddress: s.ingress.allocatedAddress } : {}),
    },
    egress: {
      publicIpPrefixLength: s.egress?.publicIpPrefixLength ?? 31,
      idleTimeoutMinutes: s.egress?.idleTimeoutMinutes ?? 4,
      ...(s.egress?.allocatedPrefix ? { allocatedPrefix: s.egress.allocatedPrefix } : {}),
    },
    access: { platformAdminGroupObjectIds: s.access.platformAdminGroupObjectIds.map((g) => g.toLowerCase()) },
    externalRanges: s.externalRanges ?? [],
    images: { allowedRegistries: s.images?.allowedRegistries ?? [] },
    gitops: { repositoryUrl: s.gitops.repositoryUrl, branch: s.gitops.branch ?? 'main' },
    policyExceptions: s.policyExceptions ?? [],
    ...(s.notifications ? { notifications: notificationTarget(s.notifications) } : {}),
    storage,
    tenantSources: normalizeTenantSources(s.tenantSources),
    ...normalizedTeamsAndVaults(platform, teams, userPools, storage),
  };
}

/** The teams, with their identities resolved against the platform's Key Vault mode, and the vaults that follows. */
function normalizedTeamsAndVaults(
  platform: PlatformFile,
  teams: ReadonlyArray<{ file: string; team: TeamFile }>,
  userPools: readonly NodePool[],
  storage: StorageSettings,
): Pick<ClusterSpec, 'teams' | 'keyVault'> {
  const key = platform.metadata.name;
  const kv = platform.spec.keyVault;
  const mode = kv?.mode ?? 'per-team';
  const vaultOf = (team: string) => (mode === 'shared' ? sharedKeyVaultName(key) : teamKeyVaultName(key, team));
  const normalized = teams
    .map(({ file, team }) => normalizeTeam(file, team, userPools, key, storage, kv ? vaultOf : undefined))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!kv) return { teams: normalized };
  const readers = normalized.filter((t) => t.azureIdentity?.keyVault);
  const vaults =
    mode === 'shared'
      ? [{ name: sharedKeyVaultName(key), teams: readers.map((t) => t.name) }]
      : readers.map((t) => ({ name: teamKeyVaultName(key, t.name), teams: [t.name] }));
  return {
    teams: normalized,
    keyVault: { mode, rotationPollInterval: kv.rotationPollInterval ?? '2m', softDeleteRetentionInDays: kv.softDeleteRetentionInDays ?? 90, vaults },
  };
}

function normalizePool(pool: SystemPoolInput | UserPoolInput, mode: 'System' | 'User', clusterZones: Zone[]): NodePool {
  const shape = lookupVmSize(pool.vmSize) ?? { vcpus: pool.vcpus!, memoryGiB: pool.memoryGiB! };
  const user = mode === 'User' ? (pool as UserPoolInput) : undefined;
  const isDefault = user?.default ?? false;
  const taints =
    mode === 'System'
      ? ['CriticalAddonsOnly=true:NoSchedule']
      : (user!.taints ?? (isDefault ? [] : [`${WORKLOAD_CLASS_TAINT}=${user!.workloadClass}:NoSchedule`]));
  return {
    name: pool.name,
    mode,
    vmSize: pool.vmSize,
    vcpus: pool.vcpus ?? shape.vcpus,
    memoryGiB: pool.memoryGiB ?? shape.memoryGiB,
    minCount: pool.minCount,
    maxCount: pool.maxCount,
    zones: (pool.zones as Zone[] | undefined) ?? clusterZones,
    osDiskType: pool.osDiskType ?? 'Ephemeral',
    osDiskSizeGB: pool.osDiskSizeGB ?? 128,
    osSku: pool.osSku ?? 'AzureLinux',
    maxPods: pool.maxPods ?? 110,
    labels: { ...(user ? { [WORKLOAD_CLASS_TAINT]: user.workloadClass } : {}), ...(pool.labels ?? {}) },
    taints,
    ...(user ? { workloadClass: user.workloadClass } : {}),
    isDefault,
    upgradeSettings: { ...POOL_UPGRADE_DEFAULTS, ...(pool.upgradeSettings ?? {}) },
  };
}

/**
 * Upgrade settings of a pool that states none. AKS's own default surge is one node (or 10%, as the
 * API reference says); Microsoft recommends 33% for production pools
 * (https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling#customize-node-surge). A drain
 * that honours PodDisruptionBudgets gets AKS's default 30 minutes; no soak time, AKS's default.
 */
export const POOL_UPGRADE_DEFAULTS = { maxSurge: '33%', drainTimeoutInMinutes: 30, nodeSoakDurationInMinutes: 0 } as const;

function normalizeTeam(
  file: string,
  team: TeamFile,
  pools: readonly NodePool[],
  clusterKey: string,
  storage: StorageSettings,
  vaultOf?: (team: string) => string,
): Team {
  const s = team.spec;
  const identity = s.azureIdentity;
  const teamPool = pools.find((p) => p.name === s.nodePool)!;
  return {
    name: team.metadata.name,
    ...(team.metadata.description ? { description: team.metadata.description } : {}),
    ...(team.metadata.contact ? { contact: team.metadata.contact } : {}),
    codeowners: team.metadata.codeowners ?? [],
    file,
    groupObjectId: s.groupObjectId.toLowerCase(),
    ...(s.readOnlyGroupObjectId ? { readOnlyGroupObjectId: s.readOnlyGroupObjectId.toLowerCase() } : {}),
    nodePool: s.nodePool,
    quota: {
      cpu: s.quota.cpu,
      memory: s.quota.memory,
      storage: s.quota.storage,
      pods: s.quota.pods,
      persistentVolumeClaims: s.quota.persistentVolumeClaims ?? 10,
      services: s.quota.services ?? 20,
      loadBalancers: s.quota.loadBalancers ?? 0,
    },
    defaults: s.defaults ?? { request: { cpu: '100m', memory: '128Mi' }, limit: { cpu: '500m', memory: '512Mi' } },
    egress: (s.egress ?? []).map((rule) => ({
      name: rule.name,
      cidrs: rule.cidrs ?? [],
      onPremises: rule.onPremises ?? false,
      ...(rule.externalRange ? { externalRange: rule.externalRange } : {}),
      ports: rule.ports,
    })),
    workloads: (s.workloads ?? []).map((w) => {
      const workloadClass = w.workloadClass ?? teamPool.workloadClass!;
      return {
        name: w.name,
        image: w.image,
        workloadClass,
        nodePool: pools.find((p) => p.workloadClass === workloadClass)!.name,
        // A CronJob has no port and runs one pod per run (normalize-workloads.ts).
        port: w.port ?? 0,
        replicas: w.replicas ?? { min: 1, max: 1 },
        resources: w.resources,
        autoscaling: w.autoscaling ?? { cpuUtilization: 70 },
        healthPath: w.healthPath ?? '/healthz',
        env: w.env ?? {},
        ingress: w.ingress ?? (w.kind ?? 'Deployment') !== 'CronJob',
        secrets: w.secrets ?? [],
        ...normalizeWorkloadKind(w, storage),
      };
    }),
    labels: s.labels ?? {},
    policyExceptions: s.policyExceptions ?? [],
    ...(s.notifications ? { notifications: notificationTarget(s.notifications) } : {}),
    secrets: normalizeSecrets(s.secrets ?? []),
    ...normalizeDelivery(s.delivery),
    ...(identity
      ? {
          azureIdentity: {
            name: teamIdentityName(clusterKey, team.metadata.name),
            // Each workload runs as a ServiceAccount named after it (charts: workload.ts), a secret-sync Deployment as `secret-sync`.
            serviceAccounts: identity.serviceAccounts ?? defaultFederatedServiceAccounts(team),
            ...(identity.clientId ? { clientId: identity.clientId.toLowerCase() } : {}),
            ...(identity.keyVault && vaultOf ? { keyVault: vaultOf(team.metadata.name) } : {}),
          },
        }
      : {}),
  };
}

export { AGENT_POOL_LABEL };
