import { apiServerAuthorizedRanges, keyVaultPrivateEndpointName, type ClusterSpec, type NodePool, type SecretRef } from '@aks-hybrid/spec';
import { dnsResolverInboundAddress } from './fixed-addresses.js';
import { keyVaultSecret, type KeyVaultSecretReference } from './bicep-literal.js';
import { FLUX_CONFIGURATION_NAME, FLUX_NAMESPACE, fluxKustomizations } from './flux-kustomizations.js';

type Zone = '1' | '2' | '3';

/** `agentPoolType` of bicep/modules/types.bicep. */
export interface AgentPoolParameter {
  readonly name: string;
  readonly vmSize: string;
  readonly count: number;
  readonly minCount: number;
  readonly maxCount: number;
  readonly availabilityZones: readonly Zone[];
  readonly osDiskType: 'Ephemeral' | 'Managed';
  readonly osDiskSizeGB: number;
  readonly osSku: 'AzureLinux' | 'Ubuntu';
  readonly maxPods: number;
  readonly nodeLabels: Readonly<Record<string, string>>;
  readonly nodeTaints: readonly string[];
  readonly upgradeSettings: { readonly maxSurge: string; readonly drainTimeoutInMinutes: number; readonly nodeSoakDurationInMinutes: number };
}

/**
 * The parameters of bicep/main.bicep, one field per `param`, with the types the template declares
 * (a parameter the template declares nullable is optional here, and left out of main.bicepparam when
 * undefined). The compiler checks the written file against the template: a mismatch fails
 * `bicep build-params` in the tests and in `validate`.
 */
export interface LandingZoneParameters {
  // Where and what
  readonly clusterKey: string;
  readonly location: string;
  readonly availabilityZones: readonly Zone[];
  readonly tags: Readonly<Record<string, string>>;
  readonly names: Readonly<Record<(typeof TEMPLATE_NAMES)[number], string>>;
  // Network
  readonly virtualNetworkAddressPrefixes: readonly string[];
  readonly dnsServers: readonly string[];
  readonly subnetPrefixes: {
    readonly systemNodes: string;
    readonly userNodes: string;
    readonly ingress: string;
    readonly privateEndpoints: string;
    readonly gateway?: string;
  };
  readonly onPremisesAddressPrefixes: readonly string[];
  readonly hubVirtualNetwork?: { readonly subscriptionId: string; readonly resourceGroupName: string; readonly name: string };
  readonly dnsResolverInboundAddress?: string;
  readonly dnsForwardingRules?: ReadonlyArray<{ readonly domain: string; readonly servers: readonly string[] }>;
  // Hybrid connectivity
  readonly expressRoute?: {
    readonly circuitResourceId: string;
    readonly gatewaySkuName: 'ErGw1AZ' | 'ErGw2AZ' | 'ErGw3AZ';
    readonly routingWeight: number;
  };
  readonly expressRouteAuthorizationKey?: KeyVaultSecretReference;
  readonly vpn?: {
    readonly gatewaySkuName: 'VpnGw1AZ' | 'VpnGw2AZ' | 'VpnGw3AZ' | 'VpnGw4AZ' | 'VpnGw5AZ';
    readonly activeActive: boolean;
    readonly bgpAsn: number;
    readonly peer: { readonly gatewayIpAddress: string; readonly bgpAsn: number; readonly bgpPeeringAddress: string };
  };
  readonly vpnSharedKey?: KeyVaultSecretReference;
  // Fixed addresses
  readonly egressPublicIpPrefixLength: number;
  readonly natGatewayIdleTimeoutInMinutes: number;
  readonly ingressPublicIpEnabled: boolean;
  /** The spec's external ranges: the public sources the in-cluster ingress guard admits (the egress prefix is added in Bicep). */
  readonly publicIngressSourcePrefixes: readonly string[];
  // AKS
  readonly kubernetesVersion: string;
  readonly skuTier: 'Free' | 'Standard' | 'Premium';
  readonly aadProfileTenantId: string;
  readonly networkPolicy: 'calico' | 'azure';
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly dnsServiceIP: string;
  readonly enablePrivateCluster: boolean;
  readonly apiServerPrivateDnsZoneResourceId?: string;
  readonly authorizedIPRanges: readonly string[];
  readonly autoUpgradeProfileUpgradeChannel: 'patch' | 'stable' | 'rapid' | 'node-image' | 'none';
  readonly autoNodeOsUpgradeProfileUpgradeChannel: 'NodeImage' | 'SecurityPatch' | 'Unmanaged' | 'None';
  readonly maintenanceWindow: {
    readonly dayOfWeek: string;
    readonly startTime: string;
    readonly durationHours: number;
    readonly utcOffset: string;
  };
  readonly primaryAgentPoolProfile: AgentPoolParameter;
  readonly agentPools: readonly AgentPoolParameter[];
  readonly webApplicationRoutingEnabled: boolean;
  // Registry
  readonly registryName: string;
  readonly registryReplicationLocations: readonly string[];
  readonly registryPublicNetworkAccess: 'Disabled' | 'Enabled';
  readonly registryPrivateEndpointEnabled: boolean;
  readonly registryPrivateDnsZoneResourceId?: string;
  // Access and GitOps
  readonly platformAdminGroupObjectIds: readonly string[];
  readonly clusterUserGroupObjectIds: readonly string[];
  readonly gitRepositoryUrl: string;
  readonly gitRepositoryBranch: string;
  readonly fluxConfigurationName: string;
  readonly fluxNamespace: string;
  readonly fluxKustomizations: Readonly<
    Record<string, { readonly path: string; readonly dependsOn: readonly string[]; readonly prune: boolean; readonly wait: boolean }>
  >;
  // Team identities and secrets
  readonly teamIdentities: ReadonlyArray<{
    readonly name: string;
    readonly namespace: string;
    readonly serviceAccounts: readonly string[];
    readonly keyVaultName?: string;
  }>;
  readonly keyVaultSettings?: { readonly rotationPollInterval: string; readonly softDeleteRetentionInDays: number };
  readonly keyVaults: ReadonlyArray<{ readonly name: string; readonly privateEndpointName: string }>;
}

/** The resource names `resourceNamesType` (bicep/modules/types.bicep) declares, taken from spec.names. */
const TEMPLATE_NAMES = [
  'virtualNetwork',
  'cluster',
  'nodeResourceGroup',
  'logAnalyticsWorkspace',
  'controlPlaneIdentity',
  'kubeletIdentity',
  'natGateway',
  'egressPublicIpPrefix',
  'ingressPublicIp',
  'ingressSubnet',
  'expressRouteGateway',
  'expressRouteConnection',
  'vpnGateway',
  'vpnConnection',
  'localNetworkGateway',
  'routeTable',
  'registryPrivateEndpoint',
] as const satisfies ReadonlyArray<keyof ClusterSpec['names']>;

/** Namespace of the AKS application routing add-on's ingress controller. */
export const APP_ROUTING_NAMESPACE = 'app-routing-system';

/**
 * The values of main.bicep's parameters, taken from the spec. Only values: which resources exist
 * follows from them inside the template (conditions and loops).
 */
export function landingZoneParameters(spec: ClusterSpec): LandingZoneParameters {
  const { expressRoute, vpn } = spec.connectivity;
  const subnets = spec.network.subnets;
  const cluster = spec.cluster;
  // A spoke uses the hub's gateways (ExpressRoute and VPN terminate there): no gateways, no
  // GatewaySubnet and no connection secrets of its own.
  const combined = spec.network.topology === 'combined';
  const hub = combined ? undefined : hubVirtualNetwork(spec.network.hubVirtualNetworkId);
  const resolverAddress = dnsResolverInboundAddress(spec);
  const zones = spec.network.privateDnsZones;

  return {
    clusterKey: spec.name,
    location: spec.azure.location,
    availabilityZones: spec.azure.zones as readonly Zone[],
    tags: azureTags(spec.azure.tags),
    names: Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, spec.names[name]])) as LandingZoneParameters['names'],
    virtualNetworkAddressPrefixes: spec.network.addressSpace,
    dnsServers: spec.network.dnsServers,
    subnetPrefixes: {
      systemNodes: subnets.systemNodes,
      userNodes: subnets.userNodes,
      ingress: subnets.ingress,
      privateEndpoints: subnets.privateEndpoints,
      ...(combined && subnets.gateway ? { gateway: subnets.gateway } : {}),
      ...(subnets.dnsResolverInbound ? { dnsResolverInbound: subnets.dnsResolverInbound } : {}),
      ...(subnets.dnsResolverInbound && subnets.dnsResolverOutbound ? { dnsResolverOutbound: subnets.dnsResolverOutbound } : {}),
    },
    onPremisesAddressPrefixes: spec.onPremises.ranges,
    ...(hub ? { hubVirtualNetwork: hub } : {}),
    ...(resolverAddress ? { dnsResolverInboundAddress: resolverAddress } : {}),
    ...(resolverAddress && subnets.dnsResolverOutbound && spec.network.dnsForwarding.length > 0
      ? { dnsForwardingRules: spec.network.dnsForwarding.map((rule) => ({ domain: rule.domain, servers: rule.servers })) }
      : {}),
    ...(combined
      ? {
          expressRoute: { circuitResourceId: expressRoute.circuitId, gatewaySkuName: expressRoute.gatewaySku, routingWeight: expressRoute.routingWeight },
          ...(expressRoute.authorizationKey ? { expressRouteAuthorizationKey: secret(expressRoute.authorizationKey) } : {}),
          ...(vpn
            ? {
                vpn: {
                  gatewaySkuName: vpn.gatewaySku,
                  activeActive: vpn.activeActive,
                  bgpAsn: vpn.azureBgpAsn,
                  peer: { gatewayIpAddress: vpn.peer.deviceIp, bgpAsn: vpn.peer.bgpAsn, bgpPeeringAddress: vpn.peer.bgpPeeringAddress },
                },
                vpnSharedKey: secret(vpn.sharedKey),
              }
            : {}),
        }
      : {}),
    egressPublicIpPrefixLength: spec.egress.publicIpPrefixLength,
    natGatewayIdleTimeoutInMinutes: spec.egress.idleTimeoutMinutes,
    ingressPublicIpEnabled: spec.ingress.publicIp,
    publicIngressSourcePrefixes: [...new Set(spec.externalRanges.flatMap((range) => range.cidrs))].sort(),
    kubernetesVersion: cluster.kubernetesVersion,
    skuTier: cluster.tier,
    aadProfileTenantId: spec.azure.tenantId,
    networkPolicy: cluster.networkPolicy,
    podCidr: spec.network.podCidr,
    serviceCidr: spec.network.serviceCidr,
    dnsServiceIP: spec.network.dnsServiceIp,
    enablePrivateCluster: cluster.apiServer.access === 'private',
    ...(cluster.apiServer.access === 'private' && zones.apiServer ? { apiServerPrivateDnsZoneResourceId: zones.apiServer } : {}),
    authorizedIPRanges: apiServerAuthorizedRanges(spec),
    autoUpgradeProfileUpgradeChannel: cluster.autoUpgradeChannel,
    autoNodeOsUpgradeProfileUpgradeChannel: cluster.nodeOsUpgradeChannel,
    maintenanceWindow: { ...cluster.maintenanceWindow },
    primaryAgentPoolProfile: agentPool(cluster.systemPool, 'System'),
    agentPools: cluster.userPools.map((pool) => agentPool(pool, 'User')),
    webApplicationRoutingEnabled: spec.ingress.controllerNamespace === APP_ROUTING_NAMESPACE,
    registryName: spec.registry.name,
    registryReplicationLocations: spec.registry.replicaLocations,
    registryPublicNetworkAccess: spec.registry.publicNetworkAccess,
    registryPrivateEndpointEnabled: spec.registry.privateEndpoint,
    ...(spec.registry.privateEndpoint && zones.registry ? { registryPrivateDnsZoneResourceId: zones.registry } : {}),
    platformAdminGroupObjectIds: spec.access.platformAdminGroupObjectIds,
    clusterUserGroupObjectIds: clusterUserGroups(spec),
    gitRepositoryUrl: spec.gitops.repositoryUrl,
    gitRepositoryBranch: spec.gitops.branch,
    fluxConfigurationName: FLUX_CONFIGURATION_NAME,
    fluxNamespace: FLUX_NAMESPACE,
    fluxKustomizations: Object.fromEntries(fluxKustomizations(spec).map(({ name, ...rest }) => [name, { ...rest }])),
    ...teamIdentityParameters(spec),
  };
}

/** The team identities, and the vaults and CSI driver settings when the spec asks for Key Vault. */
function teamIdentityParameters(spec: ClusterSpec): Pick<LandingZoneParameters, 'teamIdentities' | 'keyVaultSettings' | 'keyVaults'> {
  const teamIdentities = spec.teams.flatMap((team) =>
    team.azureIdentity
      ? [
          {
            name: team.azureIdentity.name,
            namespace: team.name,
            serviceAccounts: team.azureIdentity.serviceAccounts,
            ...(team.azureIdentity.keyVault ? { keyVaultName: team.azureIdentity.keyVault } : {}),
          },
        ]
      : [],
  );
  const kv = spec.keyVault;
  if (!kv) return { teamIdentities, keyVaults: [] };
  return {
    teamIdentities,
    keyVaultSettings: { rotationPollInterval: kv.rotationPollInterval, softDeleteRetentionInDays: kv.softDeleteRetentionInDays },
    keyVaults: kv.vaults.map((vault) => ({ name: vault.name, privateEndpointName: keyVaultPrivateEndpointName(vault.name) })),
  };
}

/**
 * The node count sent with every deployment. AKS rejects an autoscaled pool without `count`
 * (Azure/terraform-azurerm-avm-res-containerservice-managedcluster#184,
 * Azure/azure-service-operator#3220), and AVM's agent-pool module always sends it. It must lie in
 * minCount..maxCount; a system pool needs at least one node
 * (https://learn.microsoft.com/azure/aks/use-system-pools). On an existing autoscaled pool AKS keeps
 * the autoscaler's current size (docs/decisions/0104-user-pools-as-separate-resources.md).
 */
export function initialNodeCount(pool: Pick<NodePool, 'minCount' | 'maxCount'>, mode: 'System' | 'User'): number {
  const floor = mode === 'System' ? 1 : 0;
  return Math.min(pool.maxCount, Math.max(pool.minCount, floor));
}

/**
 * The spec's tags with names Azure accepts: tag names cannot contain `< > % & \ ? /`, so each of
 * those becomes `_` (the kit's own `kit.aks-hybrid.dev/cluster` tag is written
 * `kit.aks-hybrid.dev_cluster`). Two names that collide that way are an error.
 */
export function azureTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(tags)) {
    const safe = name.replace(/[<>%&\\?/]/g, '_');
    if (safe in out) throw new Error(`tags "${name}" and another tag both become "${safe}" in Azure, where tag names cannot contain < > % & \\ ? /`);
    out[safe] = value;
  }
  return out;
}

/** Team groups that get the cluster user role: members and readers of every team, each once. */
export function clusterUserGroups(spec: ClusterSpec): string[] {
  const groups = spec.teams.flatMap((team) => [team.groupObjectId, ...(team.readOnlyGroupObjectId ? [team.readOnlyGroupObjectId] : [])]);
  return [...new Set(groups)];
}

function agentPool(pool: NodePool, mode: 'System' | 'User'): AgentPoolParameter {
  return {
    name: pool.name,
    vmSize: pool.vmSize,
    count: initialNodeCount(pool, mode),
    minCount: pool.minCount,
    maxCount: pool.maxCount,
    availabilityZones: pool.zones as readonly Zone[],
    osDiskType: pool.osDiskType,
    osDiskSizeGB: pool.osDiskSizeGB,
    osSku: pool.osSku,
    maxPods: pool.maxPods,
    nodeLabels: pool.labels,
    nodeTaints: pool.taints,
    upgradeSettings: { ...pool.upgradeSettings },
  };
}

/** `/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<name>`, by its parts. */
function hubVirtualNetwork(id: string | undefined): LandingZoneParameters['hubVirtualNetwork'] {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)$/i.exec(id ?? '');
  if (!match) throw new Error(`network.hubVirtualNetworkId "${id ?? ''}" is not a virtual network resource ID`);
  return { subscriptionId: match[1]!, resourceGroupName: match[2]!, name: match[3]! };
}

function secret(ref: SecretRef): KeyVaultSecretReference {
  return keyVaultSecret({ subscriptionId: ref.subscriptionId, resourceGroupName: ref.resourceGroup, vaultName: ref.keyVaultName, secretName: ref.secretName });
}
