import type { ClusterSpec, NodePool, Team, Workload } from '@aks-hybrid/spec';

/**
 * A small hybrid cluster, built in memory so the tests control every input the SLA model reads:
 * three zones, Standard tier, private API server, ExpressRoute (no provider figure) with VPN
 * failover, one system pool and one user pool of 3 nodes each, one workload of 3 replicas, a
 * registry without private endpoint or replica, public ingress, no internet egress.
 */
export function fixtureSpec(name = 'hyb-prod', service = 'shop'): ClusterSpec {
  const pool = (p: Partial<NodePool> & Pick<NodePool, 'name' | 'mode'>): NodePool => ({
    vmSize: 'Standard_D4ds_v5',
    vcpus: 4,
    memoryGiB: 16,
    minCount: 3,
    maxCount: 6,
    zones: ['1', '2', '3'],
    osDiskType: 'Ephemeral',
    osDiskSizeGB: 128,
    osSku: 'AzureLinux',
    maxPods: 110,
    labels: {},
    taints: [],
    isDefault: false,
    upgradeSettings: { maxSurge: '33%', drainTimeoutInMinutes: 30, nodeSoakDurationInMinutes: 0 },
    ...p,
  });
  const workload: Workload = {
    name: 'api',
    image: `acr${name.replace(/-/g, '')}.azurecr.io/shop/api:1.0.0`,
    workloadClass: 'general',
    nodePool: 'general',
    port: 8080,
    replicas: { min: 3, max: 10 },
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    autoscaling: { cpuUtilization: 70 },
    healthPath: '/healthz',
    env: {},
    ingress: true,
  };
  const team: Team = {
    name: 'shop',
    file: `apps/${name}/teams/shop.yaml`,
    groupObjectId: '00000000-0000-4000-8000-000000000001',
    nodePool: 'general',
    quota: { cpu: '16', memory: '64Gi', storage: '100Gi', pods: 100, persistentVolumeClaims: 10, services: 20, loadBalancers: 0 },
    defaults: { request: { cpu: '100m', memory: '128Mi' }, limit: { cpu: '500m', memory: '512Mi' } },
    egress: [{ name: 'onprem-db', cidrs: ['10.0.1.0/24'], onPremises: false, ports: [5432] }],
    workloads: [workload],
    labels: {},
    policyExceptions: [],
  };
  const secret = { keyVaultName: 'kv', resourceGroup: 'rg-secrets', subscriptionId: '00000000-0000-4000-8000-000000000002', secretName: 's' };
  return {
    name,
    service,
    environment: 'production',
    file: `apps/${name}/platform.yaml`,
    azure: {
      tenantId: '00000000-0000-4000-8000-000000000003',
      subscriptionId: secret.subscriptionId,
      location: 'westeurope',
      resourceGroup: `rg-${name}`,
      zones: ['1', '2', '3'],
      tags: {},
    },
    names: {
      virtualNetwork: `vnet-${name}`,
      cluster: `aks-${name}`,
      nodeResourceGroup: `rg-${name}-nodes`,
      logAnalyticsWorkspace: `log-${name}`,
      controlPlaneIdentity: `id-${name}-cp`,
      kubeletIdentity: `id-${name}-kubelet`,
      natGateway: `ng-${name}`,
      egressPublicIpPrefix: `ippre-${name}`,
      ingressPublicIp: `pip-${name}`,
      ingressSubnet: 'snet-ingress',
      expressRouteGateway: `vgw-${name}-er`,
      expressRouteConnection: `con-${name}-er`,
      vpnGateway: `vgw-${name}-vpn`,
      vpnConnection: `con-${name}-vpn`,
      localNetworkGateway: `lgw-${name}`,
      routeTable: `rt-${name}`,
      registryPrivateEndpoint: `pep-${name}`,
    },
    network: {
      topology: 'combined',
      addressSpace: ['10.40.0.0/16'],
      dnsServers: [],
      subnets: { systemNodes: '10.40.0.0/22', userNodes: '10.40.4.0/22', ingress: '10.40.8.0/24', privateEndpoints: '10.40.9.0/24', gateway: '10.40.255.0/27' },
      dnsForwarding: [],
      privateDnsZones: {},
      podCidr: '100.64.0.0/16',
      serviceCidr: '172.20.0.0/16',
      dnsServiceIp: '172.20.0.10',
    },
    onPremises: { ranges: ['10.0.0.0/16'] },
    connectivity: {
      expressRoute: {
        circuitId: `/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/erc-${name}`,
        gatewaySku: 'ErGw2AZ',
        routingWeight: 100,
      },
      vpn: {
        gatewaySku: 'VpnGw2AZ',
        activeActive: true,
        azureBgpAsn: 65515,
        peer: { name: 'edge', deviceIp: '203.0.113.10', bgpAsn: 65010, bgpPeeringAddress: '10.0.255.1' },
        sharedKey: secret,
      },
    },
    cluster: {
      kubernetesVersion: '1.33',
      tier: 'Standard',
      autoUpgradeChannel: 'patch',
      nodeOsUpgradeChannel: 'NodeImage',
      maintenanceWindow: { dayOfWeek: 'Sunday', startTime: '01:00', durationHours: 4, utcOffset: '+00:00' },
      apiServer: { access: 'private', authorizedRanges: [] },
      networkPolicy: 'calico',
      calicoApiPolicies: true,
      systemPool: pool({ name: 'system', mode: 'System', taints: ['CriticalAddonsOnly=true:NoSchedule'] }),
      userPools: [pool({ name: 'general', mode: 'User', workloadClass: 'general', isDefault: true, vmSize: 'Standard_D8ds_v5', vcpus: 8, memoryGiB: 32 })],
    },
    registry: {
      name: `acr${name.replace(/-/g, '')}`,
      loginServer: `acr${name.replace(/-/g, '')}.azurecr.io`,
      replicaLocations: [],
      publicNetworkAccess: 'Disabled',
      privateEndpoint: false,
    },
    ingress: { controllerNamespace: 'app-routing-system', publicIp: true },
    egress: { publicIpPrefixLength: 31, idleTimeoutMinutes: 4 },
    access: { platformAdminGroupObjectIds: [] },
    externalRanges: [],
    images: { allowedRegistries: [] },
    gitops: { repositoryUrl: 'https://example.invalid/repo', branch: 'main' },
    teams: [team],
  };
}

/** Deep-ish edit helpers, so each test states the one spec choice it changes. */
export const withTier = (spec: ClusterSpec, tier: ClusterSpec['cluster']['tier']): ClusterSpec => ({ ...spec, cluster: { ...spec.cluster, tier } });

export const withoutVpn = (spec: ClusterSpec): ClusterSpec => {
  const { vpn: _vpn, ...connectivity } = spec.connectivity;
  return { ...spec, connectivity };
};

/** The whole cluster in one zone: cluster zones and every pool. */
export const inOneZone = (spec: ClusterSpec): ClusterSpec => ({
  ...spec,
  azure: { ...spec.azure, zones: ['1'] },
  cluster: {
    ...spec.cluster,
    systemPool: { ...spec.cluster.systemPool, zones: ['1'] },
    userPools: spec.cluster.userPools.map((p) => ({ ...p, zones: ['1'] as const })),
  },
});

export const withUserPool = (spec: ClusterSpec, name: string, edit: Partial<NodePool>): ClusterSpec => ({
  ...spec,
  cluster: { ...spec.cluster, userPools: spec.cluster.userPools.map((p) => (p.name === name ? { ...p, ...edit } : p)) },
});

export const withProviderSla = (spec: ClusterSpec, providerSla: number): ClusterSpec => ({
  ...spec,
  connectivity: { ...spec.connectivity, expressRoute: { ...spec.connectivity.expressRoute, providerSla } },
});
