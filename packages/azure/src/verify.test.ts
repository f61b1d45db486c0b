import { describe, expect, it } from 'vitest';
import type { DriftItem } from './drift-report.js';
import { FakeTokenCredential } from './testing/test-credential.js';
import { changed, missing, unexpected } from './testing/drift-items.js';
import { exampleSpec, mutableSpec } from './testing/example-spec.js';
import { verifyCluster } from './verify.js';
import { useMockAzure } from './testing/use-mock-azure.js';

const azure = useMockAzure();

const pool = (name: string) => azure.live.pools.find((p) => p.name === name)!.properties;

describe('verifyCluster: a cluster deployed from the spec', () => {
  it('GIVEN ARM returns what the Bicep deployed WHEN verified THEN it is in sync', async () => {
    const credential = new FakeTokenCredential();
    const report = await verifyCluster(azure.spec, azure.options({ credential }));

    expect(report.drift).toEqual([]);
    expect(report.inSync).toBe(true);
    expect(report).toMatchObject({
      cluster: 'weu-prod',
      clusterName: 'aks-weu-prod',
      resourceGroup: 'rg-aks-weu-prod',
      subscriptionId: azure.spec.azure.subscriptionId,
    });
    // 4 pools x 12+ fields + ~20 cluster fields: the comparison is not vacuous.
    expect(report.checked).toBeGreaterThan(60);
  });

  it('GIVEN the mock WHEN verified THEN the real SDK read the cluster and every agent-pool page with a bearer token for the ARM scope', async () => {
    const credential = new FakeTokenCredential();
    await verifyCluster(azure.spec, azure.options({ credential }));

    const routes = azure.mock.requests.map((r) => r.route);
    expect(routes.filter((r) => r === 'managedCluster')).toHaveLength(1);
    expect(routes.filter((r) => r === 'agentPools')).toHaveLength(2); // 4 pools, 2 per page: the pager followed nextLink
    expect(azure.mock.requests.every((r) => r.authorization === 'Bearer kit-test-token')).toBe(true);
    expect(azure.mock.requests[0]!.path).toBe(
      `/subscriptions/${azure.spec.azure.subscriptionId}/resourceGroups/rg-aks-weu-prod/providers/Microsoft.ContainerService/managedClusters/aks-weu-prod`,
    );
    expect(azure.mock.requests[0]!.query['api-version']).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(credential.scopes).toContainEqual([`${azure.mock.endpoint}/.default`]);
  });

  it('GIVEN a private cluster with the azure network policy WHEN deployed and verified THEN it is in sync', async () => {
    const changed = mutableSpec(azure.spec);
    changed.cluster.apiServer = { access: 'private', authorizedRanges: [] };
    changed.cluster.networkPolicy = 'azure';
    azure.seed(changed);

    const report = await verifyCluster(changed, azure.options());

    expect(report.drift).toEqual([]);
  });
});

type Case = [string, () => void, DriftItem[]];

describe('verifyCluster: each kind of drift', () => {
  const cases: Case[] = [
    [
      'the cluster was upgraded to another minor version',
      () => Object.assign(azure.live.cluster.properties, { kubernetesVersion: '1.34', currentKubernetesVersion: '1.34.0' }),
      [changed('cluster', 'kubernetesVersion', '1.33', '1.34'), changed('cluster', 'currentKubernetesVersion', '1.33', '1.34.0')],
    ],
    ['the tier was lowered to Free', () => (azure.live.cluster.sku.tier = 'Free'), [changed('cluster', 'sku.tier', 'Standard', 'Free')]],
    [
      'Azure RBAC was switched off',
      () => (azure.live.cluster.properties.aadProfile.enableAzureRBAC = false),
      [changed('cluster', 'aadProfile.enableAzureRBAC', 'true', 'false')],
    ],
    [
      'Entra ID integration was removed',
      () => delete azure.live.cluster.properties.aadProfile,
      [
        missing('cluster', 'aadProfile.managed', 'true'),
        missing('cluster', 'aadProfile.enableAzureRBAC', 'true'),
        missing('cluster', 'aadProfile.tenantID', exampleSpec().azure.tenantId),
      ],
    ],
    [
      'local accounts were re-enabled',
      () => (azure.live.cluster.properties.disableLocalAccounts = false),
      [changed('cluster', 'disableLocalAccounts', 'true', 'false')],
    ],
    [
      'the network policy was changed',
      () => (azure.live.cluster.properties.networkProfile.networkPolicy = 'azure'),
      [changed('cluster', 'networkProfile.networkPolicy', 'calico', 'azure')],
    ],
    [
      'the cluster runs kubenet instead of Azure CNI overlay',
      () => {
        azure.live.cluster.properties.networkProfile.networkPlugin = 'kubenet';
        delete azure.live.cluster.properties.networkProfile.networkPluginMode;
      },
      [changed('cluster', 'networkProfile.networkPlugin', 'azure', 'kubenet'), missing('cluster', 'networkProfile.networkPluginMode', 'overlay')],
    ],
    [
      'egress goes through a load balancer',
      () => (azure.live.cluster.properties.networkProfile.outboundType = 'loadBalancer'),
      [changed('cluster', 'networkProfile.outboundType', 'userAssignedNATGateway', 'loadBalancer')],
    ],
    [
      'the auto-upgrade channel was switched off',
      () => (azure.live.cluster.properties.autoUpgradeProfile.upgradeChannel = 'none'),
      [changed('cluster', 'autoUpgradeProfile.upgradeChannel', 'patch', 'none')],
    ],
    [
      'the API server was made private',
      () => Object.assign(azure.live.cluster.properties.apiServerAccessProfile, { enablePrivateCluster: true }),
      [changed('cluster', 'apiServerAccessProfile.enablePrivateCluster', 'false', 'true')],
    ],
    [
      'an authorized range was removed and the whole internet added in the portal',
      () => {
        const p = azure.live.cluster.properties.apiServerAccessProfile;
        p.authorizedIPRanges = [...p.authorizedIPRanges.filter((r: string) => r !== '198.51.100.0/28'), '0.0.0.0/0'];
      },
      [
        missing('cluster', 'apiServerAccessProfile.authorizedIPRanges', '198.51.100.0/28'),
        unexpected('cluster', 'apiServerAccessProfile.authorizedIPRanges', '0.0.0.0/0'),
      ],
    ],
    [
      'a pool got a bigger VM size',
      () => (pool('general').vmSize = 'Standard_D16ds_v5'),
      [changed('pool general', 'vmSize', 'Standard_D8ds_v5', 'Standard_D16ds_v5')],
    ],
    [
      'autoscaler bounds were edited by hand',
      () => Object.assign(pool('memory'), { minCount: 1, maxCount: 20 }),
      [changed('pool memory', 'minCount', '0', '1'), changed('pool memory', 'maxCount', '12', '20')],
    ],
    ['autoscaling was switched off', () => (pool('system').enableAutoScaling = false), [changed('pool system', 'enableAutoScaling', 'true', 'false')]],
    ['a pool lost a zone', () => (pool('general').availabilityZones = ['1', '2']), [changed('pool general', 'availabilityZones', '1, 2, 3', '1, 2')]],
    ['a pool changed mode', () => (pool('general').mode = 'System'), [changed('pool general', 'mode', 'User', 'System')]],
    [
      'OS disk settings differ',
      () => Object.assign(pool('storage'), { osDiskType: 'Ephemeral', osDiskSizeGB: 128, osSKU: 'Ubuntu' }),
      [
        changed('pool storage', 'osDiskType', 'Managed', 'Ephemeral'),
        changed('pool storage', 'osDiskSizeGB', '256', '128'),
        changed('pool storage', 'osSKU', 'AzureLinux', 'Ubuntu'),
      ],
    ],
    [
      'a spec label changed value, another is gone, and a custom label was added',
      () => {
        pool('storage').nodeLabels = { 'kit.aks-hybrid.dev/workload-class': 'storage', 'storage.kit.aks-hybrid.dev/local-nvme': 'false', 'cost-centre': 'x' };
        pool('memory').nodeLabels = {};
      },
      [
        missing('pool memory', 'nodeLabels.kit.aks-hybrid.dev/workload-class', 'memory'),
        // Per pool: the spec's labels first, then labels only live.
        changed('pool storage', 'nodeLabels.storage.kit.aks-hybrid.dev/local-nvme', 'true', 'false'),
        unexpected('pool storage', 'nodeLabels.cost-centre', 'x'),
      ],
    ],
    [
      'a taint was removed from one pool and added to another',
      () => {
        delete pool('memory').nodeTaints;
        pool('general').nodeTaints = ['dedicated=batch:NoSchedule'];
      },
      [
        unexpected('pool general', 'nodeTaints', 'dedicated=batch:NoSchedule'),
        missing('pool memory', 'nodeTaints', 'kit.aks-hybrid.dev/workload-class=memory:NoSchedule'),
      ],
    ],
    [
      'a pool was deleted and another created in the portal',
      () => {
        azure.live.pools = azure.live.pools.filter((p) => p.name !== 'memory');
        azure.live.pools.push({ id: 'x/agentPools/batch', name: 'batch', properties: { vmSize: 'Standard_F8s_v2', mode: 'User', count: 2 } });
      },
      [
        { scope: 'pool batch', field: 'pool', kind: 'unexpected', spec: '(no such pool)', live: 'User, Standard_F8s_v2' },
        { scope: 'pool memory', field: 'pool', kind: 'missing', spec: 'User, Standard_E16ds_v5', live: '(no such pool)' },
      ],
    ],
  ];

  it.each(cases)('GIVEN %s WHEN verified THEN exactly that drift is reported', async (_name, mutate, expected) => {
    mutate();
    const report = await verifyCluster(azure.spec, azure.options());
    expect(report.inSync).toBe(false);
    expect(report.drift).toEqual(expected);
  });
});

describe('verifyCluster: what is not drift', () => {
  it.each<[string, () => void]>([
    ['AKS picked a newer patch of the spec minor', () => Object.assign(azure.live.cluster.properties, { currentKubernetesVersion: '1.33.9' })],
    ['ARM spells the VM size in another case', () => (pool('general').vmSize = 'standard_d8ds_v5')],
    ['ARM lists zones in another order', () => (pool('system').availabilityZones = ['3', '1', '2'])],
    ['AKS added its own node labels', () => (pool('general').nodeLabels['kubernetes.azure.com/scalesetpriority'] = 'regular')],
    ['the autoscaler changed the node count', () => (pool('general').count = 17)],
    ['ARM lists authorized ranges in another order', () => azure.live.cluster.properties.apiServerAccessProfile.authorizedIPRanges.reverse()],
  ])('GIVEN %s WHEN verified THEN it is in sync', async (_name, mutate) => {
    mutate();
    const report = await verifyCluster(azure.spec, azure.options());
    expect(report.drift).toEqual([]);
  });

  it('GIVEN a spec pinned to a patch WHEN AKS runs another patch THEN that is drift', async () => {
    const pinned = mutableSpec(azure.spec);
    pinned.cluster.kubernetesVersion = '1.33.2';
    azure.seed(pinned);
    azure.live.cluster.properties.currentKubernetesVersion = '1.33.3';

    const report = await verifyCluster(pinned, azure.options());

    expect(report.drift).toEqual([changed('cluster', 'currentKubernetesVersion', '1.33.2', '1.33.3')]);
  });
});

describe('verifyCluster: on-premises ranges in the authorized ranges', () => {
  it('GIVEN a public on-premises range WHEN it is missing live THEN that is drift', async () => {
    const withPublic = mutableSpec(azure.spec);
    withPublic.onPremises.ranges = [...azure.spec.onPremises.ranges, '192.0.2.0/26'];
    azure.seed(withPublic);
    const p = azure.live.cluster.properties.apiServerAccessProfile;
    expect(p.authorizedIPRanges).toContain('192.0.2.0/26'); // the fixture deploys it, as the landing zone does
    p.authorizedIPRanges = p.authorizedIPRanges.filter((r: string) => r !== '192.0.2.0/26');

    const report = await verifyCluster(withPublic, azure.options());

    expect(report.drift).toEqual([missing('cluster', 'apiServerAccessProfile.authorizedIPRanges', '192.0.2.0/26')]);
  });

  it('GIVEN private on-premises ranges WHEN live has none of them THEN it is in sync; WHEN one is added live THEN it is unexpected', async () => {
    const inSync = await verifyCluster(azure.spec, azure.options());
    azure.live.cluster.properties.apiServerAccessProfile.authorizedIPRanges.push('10.0.0.0/16');
    const drifted = await verifyCluster(azure.spec, azure.options());

    expect(inSync.drift).toEqual([]);
    expect(drifted.drift).toEqual([unexpected('cluster', 'apiServerAccessProfile.authorizedIPRanges', '10.0.0.0/16')]);
  });
});

describe('verifyCluster: the NAT egress prefix in the authorized ranges', () => {
  it('GIVEN the spec has not recorded the prefix WHEN live has one range of its length THEN it is taken for the prefix, with a note', async () => {
    const unrecorded = mutableSpec(azure.spec);
    delete unrecorded.egress.allocatedPrefix;
    azure.seed(unrecorded);

    const report = await verifyCluster(unrecorded, azure.options());

    expect(report.drift).toEqual([]);
    expect(report.notes).toEqual([expect.stringContaining('egress.allocatedPrefix')]);
  });

  it('GIVEN the spec has not recorded the prefix WHEN live has an extra range of another length THEN it is drift', async () => {
    const unrecorded = mutableSpec(azure.spec);
    delete unrecorded.egress.allocatedPrefix;
    azure.seed(unrecorded);
    azure.live.cluster.properties.apiServerAccessProfile.authorizedIPRanges.push('198.51.100.128/25');

    const report = await verifyCluster(unrecorded, azure.options());

    expect(report.drift).toEqual([unexpected('cluster', 'apiServerAccessProfile.authorizedIPRanges', '198.51.100.128/25')]);
  });

  it('GIVEN the spec recorded the prefix WHEN live lacks it THEN it is reported missing', async () => {
    const p = azure.live.cluster.properties.apiServerAccessProfile;
    p.authorizedIPRanges = p.authorizedIPRanges.filter((r: string) => r !== azure.spec.egress.allocatedPrefix);

    const report = await verifyCluster(azure.spec, azure.options());

    expect(report.drift).toEqual([missing('cluster', 'apiServerAccessProfile.authorizedIPRanges', '203.0.113.64/30')]);
  });
});
