import { describe, expect, inject, it } from 'vitest';
import { deployed } from './testing/deployed.js';
import { exampleSpec } from './testing/example.js';
import { ZONES, type DeployedLandingZone } from './testing/landing-zone.js';

const CLUSTER = 'Microsoft.ContainerService/managedClusters';
const POOL = 'Microsoft.ContainerService/managedClusters/agentPools';
const MAINTENANCE = 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations';
const SUBSCRIPTION = exampleSpec().azure.subscriptionId;
const RG = exampleSpec().azure.resourceGroup;
const identityId = (name: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
const clusterProps = (lz: DeployedLandingZone) => lz.template.one(CLUSTER).properties as Record<string, any>;

describe('AKS cluster (bicep snapshot)', () => {
  const spec = exampleSpec();
  const lz = deployed('example');
  const priv = deployed('privateNoIngress');
  const azurePolicyNoAutoUpgrade = deployed('azurePolicyNoAutoUpgrade');

  it('GIVEN the example WHEN deployed THEN the cluster runs the Standard tier and the spec Kubernetes version', () => {
    lz.template.hasResource(CLUSTER, { name: spec.names.cluster, sku: { name: 'Base', tier: 'Standard' } });
    lz.template.hasResourceProperties(CLUSTER, { kubernetesVersion: spec.cluster.kubernetesVersion, nodeResourceGroup: spec.names.nodeResourceGroup });
    expect(spec.cluster.tier).toBe('Standard');
  });

  it('THEN the control plane and the kubelets use the user-assigned identities', () => {
    lz.template.hasResource(CLUSTER, {
      identity: { type: 'UserAssigned', userAssignedIdentities: { [identityId(spec.names.controlPlaneIdentity)]: {} } },
    });
    expect(clusterProps(lz).identityProfile.kubeletidentity.resourceId).toBe(identityId(spec.names.kubeletIdentity));
    expect(lz.template.resourcesOfType('Microsoft.ManagedIdentity/userAssignedIdentities').map((i) => i.name)).toEqual([
      spec.names.controlPlaneIdentity,
      spec.names.kubeletIdentity,
      // and the team identities (workload-identity.test.ts)
      ...spec.teams.flatMap((t) => (t.azureIdentity ? [t.azureIdentity.name] : [])),
    ]);
  });

  it('THEN Entra ID signs users in, Azure RBAC authorizes them, and local accounts are disabled', () => {
    lz.template.hasResourceProperties(CLUSTER, {
      aadProfile: { managed: true, enableAzureRBAC: true, tenantID: spec.azure.tenantId },
      disableLocalAccounts: true,
      enableRBAC: true,
    });
  });

  it('THEN the network is Azure CNI (overlay) with the spec policy engine and address plan', () => {
    lz.template.hasResourceProperties(CLUSTER, {
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        networkPolicy: 'calico',
        podCidr: spec.network.podCidr,
        serviceCidr: spec.network.serviceCidr,
        dnsServiceIP: spec.network.dnsServiceIp,
        outboundType: 'userAssignedNATGateway',
      },
    });
    azurePolicyNoAutoUpgrade.template.hasResourceProperties(CLUSTER, { networkProfile: { networkPolicy: 'azure' } });
  });

  it('THEN the public API server admits the spec ranges plus the NAT egress prefix (the nodes come from it)', () => {
    const access = clusterProps(lz).apiServerAccessProfile;
    expect(access).toMatchObject({ enablePrivateCluster: false, privateDNSZone: null });
    expect(access.authorizedIPRanges).toContain(`createArray('${spec.cluster.apiServer.authorizedRanges[0]}')`);
    expect(access.authorizedIPRanges).toContain(`publicIPPrefixes/${spec.names.egressPublicIpPrefix}`);
  });

  it('GIVEN a private API server WHEN deployed THEN the cluster is private with a system private DNS zone and no authorized ranges', () => {
    priv.template.hasResourceProperties(CLUSTER, {
      apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: 'system', enablePrivateClusterPublicFQDN: false, authorizedIPRanges: null },
    });
  });

  it('THEN the upgrade channels come from the spec and both run in the spec maintenance window', () => {
    lz.template.hasResourceProperties(CLUSTER, {
      autoUpgradeProfile: { upgradeChannel: spec.cluster.autoUpgradeChannel, nodeOSUpgradeChannel: spec.cluster.nodeOsUpgradeChannel },
    });
    const window = spec.cluster.maintenanceWindow;
    const configs = lz.template.resourcesOfType(MAINTENANCE);
    expect(configs.map((c) => c.name)).toEqual([
      `${spec.names.cluster}/aksManagedAutoUpgradeSchedule`,
      `${spec.names.cluster}/aksManagedNodeOSUpgradeSchedule`,
    ]);
    for (const c of configs) {
      expect(c.properties!.maintenanceWindow).toEqual({
        schedule: { weekly: { intervalWeeks: 1, dayOfWeek: window.dayOfWeek } },
        durationHours: window.durationHours,
        utcOffset: window.utcOffset,
        startTime: window.startTime,
      });
    }
  });

  it('GIVEN auto-upgrade off WHEN deployed THEN only the node OS schedule exists', () => {
    expect(azurePolicyNoAutoUpgrade.template.resourcesOfType(MAINTENANCE).map((c) => c.name)).toEqual([
      `${spec.names.cluster}/aksManagedNodeOSUpgradeSchedule`,
    ]);
  });

  it('THEN Container Insights sends to the workspace with managed-identity auth, through a data collection rule associated with the cluster', () => {
    const workspace = lz.template.one('Microsoft.OperationalInsights/workspaces');
    expect(workspace.name).toBe(spec.names.logAnalyticsWorkspace);
    lz.template.hasResourceProperties(CLUSTER, {
      addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace.id, useAADAuth: 'true' } } },
    });
    const dcr = lz.template.one('Microsoft.Insights/dataCollectionRules');
    expect(dcr.properties!.destinations).toEqual({ logAnalytics: [{ name: 'ciworkspace', workspaceResourceId: workspace.id }] });
    const association = lz.template.one('Microsoft.Insights/dataCollectionRuleAssociations');
    expect(association.id).toContain(`managedClusters/${spec.names.cluster}/providers/Microsoft.Insights/dataCollectionRuleAssociations/`);
    expect(association.properties!.dataCollectionRuleId).toBe(dcr.id);
  });

  it('GIVEN the app routing add-on WHEN deployed THEN it creates no default controller (the GitOps tree declares nginx-public and nginx-internal)', () => {
    // Property path from the 2026-05-01 type data: ManagedClusterIngressProfileWebAppRouting.nginx.defaultIngressControllerType.
    lz.template.hasResourceProperties(CLUSTER, { ingressProfile: { webAppRouting: { enabled: true, nginx: { defaultIngressControllerType: 'None' } } } });
  });
});

describe('AKS node pools (bicep snapshot)', () => {
  const spec = exampleSpec();
  const lz = deployed('example');
  const more = deployed('morePools');

  it('GIVEN the example WHEN deployed THEN the only inline pool is the system pool, in zones 1-3, tainted CriticalAddonsOnly', () => {
    const inline = clusterProps(lz).agentPoolProfiles;
    expect(inline).toHaveLength(1);
    const system = spec.cluster.systemPool;
    expect(inline[0]).toMatchObject({
      name: system.name,
      mode: 'System',
      availabilityZones: ZONES,
      nodeTaints: ['CriticalAddonsOnly=true:NoSchedule'],
      enableAutoScaling: true,
      minCount: system.minCount,
      maxCount: system.maxCount,
      vmSize: system.vmSize,
    });
    expect(inline[0].vnetSubnetID).toContain('snet-system-nodes');
  });

  it('THEN every user pool is its own agentPools resource of the cluster', () => {
    expect(lz.template.resourcesOfType(POOL).map((p) => p.name)).toEqual(spec.cluster.userPools.map((p) => `${spec.names.cluster}/${p.name}`));
  });

  it.each(exampleSpec().cluster.userPools.map((p) => [p.name, p] as const))(
    'THEN user pool %s has the spec VM size, OS disk, autoscaler bounds, labels, taints and zones 1-3',
    (name, pool) => {
      const deployed = lz.template.one(POOL, { name: `${spec.names.cluster}/${name}` });
      expect(deployed.properties).toMatchObject({
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
      });
      expect(deployed.properties!.vnetSubnetID).toContain('snet-user-nodes');
    },
  );

  // AKS rejects an autoscaled pool without `count` (Azure/terraform-azurerm-avm-res-containerservice-managedcluster#184,
  // Azure/azure-service-operator#3220); AVM's agent-pool module always sends it. docs/decisions/0104.
  it('THEN every pool, system and user, sends count within minCount..maxCount', () => {
    const pools = [...clusterProps(lz).agentPoolProfiles, ...lz.template.resourcesOfType(POOL).map((p) => p.properties as Record<string, any>)];
    expect(pools).toHaveLength(1 + spec.cluster.userPools.length);
    for (const pool of pools) {
      expect(typeof pool.count, pool.name).toBe('number');
      expect(pool.count, pool.name).toBeGreaterThanOrEqual(pool.minCount);
      expect(pool.count, pool.name).toBeLessThanOrEqual(pool.maxCount);
    }
  });

  it('GIVEN a parameter file whose pools have no count WHEN compiled THEN the template refuses it (agentPoolType requires count)', () => {
    const errors = inject('paramsWithoutCount').filter((d) => d.level === 'Error');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    for (const error of errors) expect(error.message, error.code).toContain('"count"');
    expect(errors[0]!.file).toBe(`${spec.name}/main.bicepparam`);
  });

  it('GIVEN a system pool with minCount 0 and a pool added WHEN deployed THEN the system pool still starts with one node and the new pool at its minimum', () => {
    const system = (more.template.one(CLUSTER).properties as Record<string, any>).agentPoolProfiles[0];
    expect(system).toMatchObject({ minCount: 0, count: 1 });
    more.template.hasResourceProperties(POOL, { minCount: 2, maxCount: 5, count: 2 });
    expect(more.template.resourceCount(POOL)).toBe(spec.cluster.userPools.length + 1);
    expect((more.template.one(CLUSTER).properties as Record<string, any>).agentPoolProfiles).toHaveLength(1);
  });

  it('THEN every zonal resource of the deployment spans zones 1-3', () => {
    const zonal = lz.template.resources.filter(
      (r) => r.zones !== undefined || (r.properties as Record<string, unknown> | undefined)?.availabilityZones !== undefined,
    );
    expect(zonal.map((r) => r.type)).toEqual(
      expect.arrayContaining(['Microsoft.Network/natGateways', 'Microsoft.Network/publicIPPrefixes', 'Microsoft.Network/publicIPAddresses', POOL]),
    );
    for (const r of zonal) expect(r.zones ?? (r.properties as Record<string, unknown>).availabilityZones, r.name).toEqual(ZONES);
    for (const p of clusterProps(lz).agentPoolProfiles) expect(p.availabilityZones).toEqual(ZONES);
  });
});
