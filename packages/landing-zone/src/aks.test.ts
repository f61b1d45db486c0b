import { describe, expect, it } from 'vitest';
import type { Val } from './test-support/bicep-eval.js';
import { exampleSpec, variant } from './test-support/example.js';
import { at, renderFor, ZONES, type RenderedLandingZone } from './test-support/landing-zone.js';

const CLUSTER = 'Microsoft.ContainerService/managedClusters';
const POOL = 'Microsoft.ContainerService/managedClusters/agentPools';
const MAINTENANCE = 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations';
const cluster = (lz: RenderedLandingZone) => lz.one(CLUSTER);
const props = (lz: RenderedLandingZone, path: string) => at(cluster(lz).body, `properties.${path}`);

describe('AKS cluster', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);

  it('GIVEN the example WHEN deployed THEN the cluster runs the Standard tier and the spec Kubernetes version', () => {
    expect(cluster(lz).body).toMatchObject({ name: spec.names.cluster, sku: { name: 'Base', tier: 'Standard' } });
    expect(spec.cluster.tier).toBe('Standard');
    expect(props(lz, 'kubernetesVersion')).toBe(spec.cluster.kubernetesVersion);
    expect(props(lz, 'nodeResourceGroup')).toBe(spec.names.nodeResourceGroup);
  });

  it('THEN the control plane and the kubelets use user-assigned identities', () => {
    expect(cluster(lz).body.identity).toEqual({
      type: 'UserAssigned',
      userAssignedIdentities: { 'identities.outputs.controlPlaneIdentityResourceId': {} },
    });
    expect(props(lz, 'identityProfile')).toEqual({
      kubeletidentity: {
        resourceId: { $ref: 'identities.outputs.kubeletIdentityResourceId' },
        clientId: { $ref: 'identities.outputs.kubeletIdentityClientId' },
        objectId: { $ref: 'identities.outputs.kubeletIdentityPrincipalId' },
      },
    });
    const names = lz.resources('Microsoft.ManagedIdentity/userAssignedIdentities').map((i) => i.body.name);
    expect(names).toEqual([spec.names.controlPlaneIdentity, spec.names.kubeletIdentity]);
  });

  it('THEN Entra ID signs users in, Azure RBAC authorizes them, and local accounts are disabled', () => {
    expect(props(lz, 'aadProfile')).toEqual({ managed: true, enableAzureRBAC: true, tenantID: spec.azure.tenantId });
    expect(props(lz, 'disableLocalAccounts')).toBe(true);
    expect(props(lz, 'enableRBAC')).toBe(true);
  });

  it('THEN the network is Azure CNI (overlay) with Calico network policy and the spec address plan', () => {
    expect(props(lz, 'networkProfile')).toMatchObject({
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      networkPolicy: 'calico',
      podCidr: spec.network.podCidr,
      serviceCidr: spec.network.serviceCidr,
      dnsServiceIP: spec.network.dnsServiceIp,
    });
  });

  it('GIVEN networkPolicy azure WHEN deployed THEN the cluster uses Azure network policy', () => {
    const azure = renderFor(variant((s) => void (s.cluster.networkPolicy = 'azure')));
    expect(props(azure, 'networkProfile.networkPolicy')).toBe('azure');
  });

  it('THEN the public API server admits the spec ranges and the NAT egress prefix (the nodes come from it)', () => {
    expect(props(lz, 'apiServerAccessProfile')).toEqual({
      enablePrivateCluster: false,
      privateDNSZone: null,
      enablePrivateClusterPublicFQDN: null,
      authorizedIPRanges: [...spec.cluster.apiServer.authorizedRanges, { $ref: 'fixedIps.outputs.egressPublicIpPrefix' }],
    });
  });

  it('GIVEN on-premises ranges WHEN authorizing the public endpoint THEN private ranges are left out (a public endpoint never sees them), public ones are kept', () => {
    const mixed = renderFor(variant((s) => void s.onPremises.ranges.push('192.0.2.128/25')));
    expect(mixed.param('authorizedIPRanges')).toEqual([...spec.cluster.apiServer.authorizedRanges, '192.0.2.128/25']);
    expect(lz.param('authorizedIPRanges')).not.toContain(spec.onPremises.ranges[0]);
  });

  it('GIVEN a private API server WHEN deployed THEN the cluster is private with a system private DNS zone and no authorized ranges', () => {
    const priv = renderFor(variant((s) => void (s.cluster.apiServer.access = 'private')));
    expect(props(priv, 'apiServerAccessProfile')).toEqual({
      enablePrivateCluster: true,
      privateDNSZone: 'system',
      enablePrivateClusterPublicFQDN: false,
      authorizedIPRanges: null,
    });
  });

  it('THEN the upgrade channels come from the spec and both run in the spec maintenance window', () => {
    expect(props(lz, 'autoUpgradeProfile')).toEqual({ upgradeChannel: spec.cluster.autoUpgradeChannel, nodeOSUpgradeChannel: spec.cluster.nodeOsUpgradeChannel });
    const window = spec.cluster.maintenanceWindow;
    const configs = lz.resources(MAINTENANCE);
    expect(configs.map((c) => c.body.name)).toEqual(['aksManagedAutoUpgradeSchedule', 'aksManagedNodeOSUpgradeSchedule']);
    for (const c of configs) {
      expect(at(c.body, 'properties.maintenanceWindow')).toEqual({
        schedule: { weekly: { intervalWeeks: 1, dayOfWeek: window.dayOfWeek } },
        durationHours: window.durationHours,
        utcOffset: window.utcOffset,
        startTime: window.startTime,
      });
    }
  });

  it('GIVEN auto-upgrade off WHEN deployed THEN only the node OS schedule exists', () => {
    const off = renderFor(variant((s) => void (s.cluster.autoUpgradeChannel = 'none')));
    expect(off.resources(MAINTENANCE).map((c) => c.body.name)).toEqual(['aksManagedNodeOSUpgradeSchedule']);
  });

  it('THEN Container Insights sends to the Log Analytics workspace with managed-identity auth, through a data collection rule on the cluster', () => {
    expect(props(lz, 'addonProfiles.omsagent')).toEqual({
      enabled: true,
      config: { logAnalyticsWorkspaceResourceID: { $ref: 'monitoring.outputs.resourceId' }, useAADAuth: 'true' },
    });
    expect(lz.one('Microsoft.OperationalInsights/workspaces').body.name).toBe(spec.names.logAnalyticsWorkspace);
    const dcr = lz.one('Microsoft.Insights/dataCollectionRules');
    expect(at(dcr.body, 'properties.destinations.logAnalytics')).toEqual([{ name: 'ciworkspace', workspaceResourceId: { $ref: 'monitoring.outputs.resourceId' } }]);
    const association = lz.one('Microsoft.Insights/dataCollectionRuleAssociations');
    expect(association.body.scope).toEqual({ $ref: 'managedCluster' });
    expect(at(association.body, 'properties.dataCollectionRuleId')).toEqual({ $ref: 'dataCollectionRule.id' });
  });
});

describe('AKS node pools', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);
  const poolProps = (p: { [key: string]: Val }) => p;

  it('GIVEN the example WHEN deployed THEN the only inline pool is the system pool, in zones 1-3, tainted CriticalAddonsOnly', () => {
    const inline = props(lz, 'agentPoolProfiles') as Array<{ [key: string]: Val }>;
    expect(inline).toHaveLength(1);
    const system = spec.cluster.systemPool;
    expect(poolProps(inline[0]!)).toMatchObject({
      name: system.name,
      mode: 'System',
      availabilityZones: ZONES,
      nodeTaints: ['CriticalAddonsOnly=true:NoSchedule'],
      enableAutoScaling: true,
      minCount: system.minCount,
      maxCount: system.maxCount,
      vmSize: system.vmSize,
      vnetSubnetID: { $ref: 'network.outputs.systemNodesSubnetResourceId' },
    });
  });

  it('THEN every user pool is its own agentPools resource, created one at a time', () => {
    const pools = lz.resources(POOL);
    expect(pools.map((p) => p.body.name)).toEqual(spec.cluster.userPools.map((p) => p.name));
    for (const pool of pools) {
      expect(pool.body.parent).toEqual({ $ref: 'managedCluster' });
      expect(pool.decorators).toContain('batchSize');
    }
    expect(lz.outline('modules/aks.bicep').resources.find((r) => r.type === POOL)!.decorators).toEqual([{ name: 'batchSize', args: '1' }]);
  });

  it.each(exampleSpec().cluster.userPools.map((p) => [p.name, p] as const))(
    'THEN user pool %s has the spec VM size, OS disk, autoscaler bounds, labels, taints and zones 1-3',
    (name, pool) => {
      const deployed = lz.one(POOL, (p) => p.body.name === name);
      expect(deployed.body.properties).toMatchObject({
        mode: 'User',
        vmSize: pool.vmSize,
        osDiskType: pool.osDiskType,
        osDiskSizeGB: pool.osDiskSizeGB,
        osSKU: pool.osSku,
        maxPods: pool.maxPods,
        enableAutoScaling: true,
        minCount: pool.minCount,
        maxCount: pool.maxCount,
        nodeLabels: pool.labels,
        nodeTaints: pool.taints,
        availabilityZones: ZONES,
        orchestratorVersion: spec.cluster.kubernetesVersion,
        vnetSubnetID: { $ref: 'network.outputs.userNodesSubnetResourceId' },
      });
      // The autoscaler owns the size: a redeployment must not reset it.
      expect(deployed.body.properties).not.toHaveProperty('count');
    },
  );

  it('GIVEN a pool added to the spec WHEN deployed THEN one more agentPools resource appears and the inline list is unchanged', () => {
    const more = renderFor(
      variant((s) => {
        s.cluster.userPools.push({ ...s.cluster.userPools[0]!, name: 'batch', workloadClass: 'batch', isDefault: false, taints: ['kit.aks-hybrid.dev/workload-class=batch:NoSchedule'] });
      }),
    );
    expect(more.resources(POOL).map((p) => p.body.name)).toEqual([...spec.cluster.userPools.map((p) => p.name), 'batch']);
    expect(props(more, 'agentPoolProfiles')).toHaveLength(1);
  });

  it('THEN every zonal resource of the deployment spans zones 1-3', () => {
    const zonal = lz.deployment.resources.filter((r) => !r.existing && ('zones' in r.body || at(r.body, 'properties.availabilityZones') !== undefined));
    expect(zonal.map((r) => r.type)).toEqual(expect.arrayContaining(['Microsoft.Network/natGateways', 'Microsoft.Network/publicIPPrefixes', POOL]));
    for (const r of zonal) expect(r.body.zones ?? at(r.body, 'properties.availabilityZones'), `${r.module}/${r.symbol}`).toEqual(ZONES);
    for (const p of props(lz, 'agentPoolProfiles') as Array<{ availabilityZones: Val }>) expect(p.availabilityZones).toEqual(ZONES);
  });
});
