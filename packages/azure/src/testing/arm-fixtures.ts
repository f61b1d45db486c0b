import type { ClusterSpec, NodePool } from '@aks-hybrid/spec';

/**
 * What Azure returns for a cluster deployed from the kit's Bicep, written from the public REST
 * specs (Microsoft.ContainerService 2025-xx ManagedCluster/AgentPool, Microsoft.Compute
 * 2021-07-01 ResourceSku, Microsoft Graph v1.0 group), independently of the comparison code:
 * tests mutate these bodies to make drift, so an "in sync" result means the kit reads real
 * ARM shapes correctly. Plain JSON, as on the wire.
 */
export type Json = Record<string, any>;

const GUID_SUFFIX = '0000-4000-8000-000000000000';

export function clusterId(spec: ClusterSpec): string {
  return `/subscriptions/${spec.azure.subscriptionId}/resourcegroups/${spec.azure.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${spec.names.cluster}`;
}

/** Latest patch of the spec's minor in {@link kubernetesVersionsJson}, as AKS reports it running. */
function runningVersion(version: string): string {
  if (version.split('.').length === 3) return version;
  const entry = (kubernetesVersionsJson().values as Json[]).find((v) => v.version === version);
  const patches = Object.keys(entry?.patchVersions ?? {}).sort();
  return patches.at(-1) ?? `${version}.0`;
}

function identityId(spec: ClusterSpec, name: string): string {
  return `/subscriptions/${spec.azure.subscriptionId}/resourceGroups/${spec.azure.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
}

/** GET managedClusters/{name}: the cluster as the landing-zone Bicep deploys it. */
export function managedClusterJson(spec: ClusterSpec): Json {
  const c = spec.cluster;
  const egressPrefix = spec.egress.allocatedPrefix ?? `203.0.113.128/${spec.egress.publicIpPrefixLength}`;
  return {
    id: clusterId(spec),
    location: spec.azure.location,
    name: spec.names.cluster,
    type: 'Microsoft.ContainerService/ManagedClusters',
    tags: { ...spec.azure.tags },
    sku: { name: 'Base', tier: c.tier },
    identity: {
      type: 'UserAssigned',
      userAssignedIdentities: {
        [identityId(spec, spec.names.controlPlaneIdentity)]: { principalId: `11111111-${GUID_SUFFIX}`, clientId: `22222222-${GUID_SUFFIX}` },
      },
    },
    properties: {
      provisioningState: 'Succeeded',
      powerState: { code: 'Running' },
      kubernetesVersion: c.kubernetesVersion,
      currentKubernetesVersion: runningVersion(c.kubernetesVersion),
      dnsPrefix: spec.names.cluster,
      fqdn: `${spec.names.cluster}-k3x9q2ab.hcp.${spec.azure.location}.azmk8s.io`,
      azurePortalFQDN: `${spec.names.cluster}-k3x9q2ab.portal.hcp.${spec.azure.location}.azmk8s.io`,
      agentPoolProfiles: allPools(spec).map((p) => ({ name: p.name, ...agentPoolProperties(spec, p) })),
      servicePrincipalProfile: { clientId: 'msi' },
      nodeResourceGroup: spec.names.nodeResourceGroup,
      enableRBAC: true,
      supportPlan: 'KubernetesOfficial',
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        networkPolicy: c.networkPolicy,
        networkDataplane: 'azure',
        loadBalancerSku: 'standard',
        podCidr: spec.network.podCidr,
        serviceCidr: spec.network.serviceCidr,
        dnsServiceIP: spec.network.dnsServiceIp,
        outboundType: 'userAssignedNATGateway',
        podCidrs: [spec.network.podCidr],
        serviceCidrs: [spec.network.serviceCidr],
        ipFamilies: ['IPv4'],
      },
      aadProfile: {
        managed: true,
        enableAzureRBAC: true,
        adminGroupObjectIDs: [...spec.access.platformAdminGroupObjectIds],
        tenantID: spec.azure.tenantId,
      },
      autoUpgradeProfile: { upgradeChannel: c.autoUpgradeChannel, nodeOSUpgradeChannel: c.nodeOsUpgradeChannel },
      apiServerAccessProfile:
        c.apiServer.access === 'private'
          ? { enablePrivateCluster: true, privateDNSZone: 'system', enablePrivateClusterPublicFQDN: false }
          : {
              authorizedIPRanges: [...new Set([...c.apiServer.authorizedRanges, ...spec.onPremises.ranges.filter(isPublic), egressPrefix])],
              enablePrivateCluster: false,
            },
      identityProfile: {
        kubeletidentity: { resourceId: identityId(spec, spec.names.kubeletIdentity), clientId: `33333333-${GUID_SUFFIX}`, objectId: `44444444-${GUID_SUFFIX}` },
      },
      disableLocalAccounts: true,
      oidcIssuerProfile: { enabled: true, issuerURL: `https://${spec.azure.location}.oic.prod-aks.azure.com/${spec.azure.tenantId}/55555555-${GUID_SUFFIX}/` },
      securityProfile: { workloadIdentity: { enabled: true } },
      maxAgentPools: 100,
      resourceUID: '6650f0c1d2e3f4a5b6c7d8e9',
    },
  };
}

/**
 * The landing zone authorizes only public on-premises ranges (`apiServerAuthorizedRanges` in
 * @aks-hybrid/spec): RFC 1918, CGNAT and loopback never reach a public endpoint. Written out again
 * here on purpose: the fixture is an independent oracle, not the code under test.
 */
function isPublic(cidr: string): boolean {
  const [a = 0, b = 0] = cidr.split(/[./]/).map(Number);
  return !(a === 10 || a === 127 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b < 128));
}

const allPools = (spec: ClusterSpec): NodePool[] => [spec.cluster.systemPool, ...spec.cluster.userPools];

function agentPoolProperties(spec: ClusterSpec, pool: NodePool): Json {
  return {
    count: pool.minCount === 0 ? 0 : pool.minCount,
    vmSize: pool.vmSize,
    osDiskSizeGB: pool.osDiskSizeGB,
    osDiskType: pool.osDiskType,
    kubeletDiskType: 'OS',
    vnetSubnetID: `/subscriptions/${spec.azure.subscriptionId}/resourceGroups/${spec.azure.resourceGroup}/providers/Microsoft.Network/virtualNetworks/${spec.names.virtualNetwork}/subnets/${pool.mode === 'System' ? 'snet-system' : 'snet-user'}`,
    maxPods: pool.maxPods,
    type: 'VirtualMachineScaleSets',
    availabilityZones: [...pool.zones],
    maxCount: pool.maxCount,
    minCount: pool.minCount,
    enableAutoScaling: true,
    provisioningState: 'Succeeded',
    powerState: { code: 'Running' },
    orchestratorVersion: spec.cluster.kubernetesVersion,
    currentOrchestratorVersion: runningVersion(spec.cluster.kubernetesVersion),
    enableNodePublicIP: false,
    ...(Object.keys(pool.labels).length ? { nodeLabels: { ...pool.labels } } : {}),
    ...(pool.taints.length ? { nodeTaints: [...pool.taints] } : {}),
    mode: pool.mode,
    osType: 'Linux',
    osSKU: pool.osSku,
    nodeImageVersion: `${pool.osSku}-202510.03.0`,
    upgradeSettings: { maxSurge: '33%' },
    enableFIPS: false,
  };
}

/** GET managedClusters/{name}/agentPools items. */
export function agentPoolsJson(spec: ClusterSpec): Json[] {
  return allPools(spec).map((pool) => ({
    id: `${clusterId(spec)}/agentPools/${pool.name}`,
    name: pool.name,
    type: 'Microsoft.ContainerService/managedClusters/agentPools',
    properties: agentPoolProperties(spec, pool),
  }));
}

/** GET locations/{location}/kubernetesVersions: one LTS-only, four in support, one preview. */
export function kubernetesVersionsJson(): Json {
  const v = (version: string, patches: string[], supportPlan: string[], extra: Json = {}) => ({
    version,
    capabilities: { supportPlan },
    ...extra,
    patchVersions: Object.fromEntries(patches.map((p, i) => [p, { upgrades: patches.slice(i + 1) }])),
  });
  const both = ['KubernetesOfficial', 'AKSLongTermSupport'];
  return {
    values: [
      v('1.30', ['1.30.13', '1.30.14'], ['AKSLongTermSupport']),
      v('1.31', ['1.31.10', '1.31.11'], both),
      v('1.32', ['1.32.6', '1.32.7'], both),
      v('1.33', ['1.33.2', '1.33.3'], both, { isDefault: true }),
      v('1.34', ['1.34.0'], ['KubernetesOfficial'], { isPreview: true }),
    ],
  };
}

/** Capabilities of the sizes the example uses (Azure VM size documentation); others derived. */
const SIZE_FACTS: Readonly<Record<string, { vcpus: number; memoryGB: number; cacheGiB: number; tempGiB: number; ephemeral: boolean }>> = {
  Standard_D4ds_v5: { vcpus: 4, memoryGB: 16, cacheGiB: 100, tempGiB: 150, ephemeral: true },
  Standard_D8ds_v5: { vcpus: 8, memoryGB: 32, cacheGiB: 200, tempGiB: 300, ephemeral: true },
  Standard_E16ds_v5: { vcpus: 16, memoryGB: 128, cacheGiB: 400, tempGiB: 600, ephemeral: true },
  Standard_L16s_v3: { vcpus: 16, memoryGB: 128, cacheGiB: 0, tempGiB: 160, ephemeral: false },
  Standard_D2s_v3: { vcpus: 2, memoryGB: 8, cacheGiB: 50, tempGiB: 16, ephemeral: true },
};

export function resourceSkuJson(name: string, location: string, zones: readonly string[] = ['1', '2', '3'], restrictions: Json[] = []): Json {
  const facts = SIZE_FACTS[name] ?? { vcpus: 8, memoryGB: 32, cacheGiB: 200, tempGiB: 300, ephemeral: true };
  return {
    resourceType: 'virtualMachines',
    name,
    tier: 'Standard',
    size: name.replace(/^Standard_/, ''),
    family: `standard${name.replace(/^Standard_|\d+/g, '').toUpperCase()}Family`,
    locations: [location],
    locationInfo: [{ location, zones: [...zones], zoneDetails: [] }],
    capabilities: [
      { name: 'MaxResourceVolumeMB', value: String(facts.tempGiB * 1024) },
      { name: 'OSVhdSizeMB', value: '1047552' },
      { name: 'vCPUs', value: String(facts.vcpus) },
      { name: 'MemoryGB', value: String(facts.memoryGB) },
      { name: 'HyperVGenerations', value: 'V1,V2' },
      { name: 'EphemeralOSDiskSupported', value: facts.ephemeral ? 'True' : 'False' },
      { name: 'CachedDiskBytes', value: String(facts.cacheGiB * 1024 ** 3) },
      { name: 'PremiumIO', value: 'True' },
    ],
    restrictions,
  };
}

/** GET providers/Microsoft.Compute/skus: the spec's sizes in its region, plus noise elsewhere. */
export function resourceSkusJson(spec: ClusterSpec): Json[] {
  const sizes = [...new Set(allPools(spec).map((p) => p.vmSize))].sort();
  return [
    ...sizes.map((s) => resourceSkuJson(s, spec.azure.location)),
    resourceSkuJson('Standard_D2s_v3', spec.azure.location),
    resourceSkuJson('Standard_M416ms_v2', 'eastus2', ['1']),
    {
      resourceType: 'disks',
      name: 'Premium_LRS',
      tier: 'Premium',
      kind: '',
      locations: [spec.azure.location],
      locationInfo: [],
      capabilities: [],
      restrictions: [],
    },
  ];
}

/** Microsoft Graph groups, including two with one display name and one with a quote. */
export function groupsJson(): Json[] {
  return [
    { id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', displayName: 'Namespace-DEV', description: 'Product development team', mail: null },
    { id: '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e', displayName: 'Namespace-DEV-Readers', description: 'Read-only access to dev', mail: null },
    { id: 'a1b2c3d4-0000-4000-8000-00000000000a', displayName: 'AKS Operators', description: 'EMEA on-call', mail: 'aks-ops-emea@contoso.example' },
    { id: 'a1b2c3d4-0000-4000-8000-00000000000b', displayName: 'AKS Operators', description: 'Americas on-call', mail: null },
    { id: 'b2c3d4e5-0000-4000-8000-00000000000c', displayName: "O'Brien Analytics", description: null, mail: null },
  ];
}
