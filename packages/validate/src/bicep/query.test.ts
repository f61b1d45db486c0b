// listBicepResources/Params/Outputs/Modules over the fixture, as later render tests will use them.
import { describe, expect, it } from 'vitest';
import { loadLandingZone } from '../../test/bicep/fixture.js';
import { listBicepModules, listBicepOutputs, listBicepParams, listBicepResources } from './index.js';

const files = loadLandingZone();
const aks = files.get('infra/modules/aks.bicep')!;
const acr = files.get('infra/modules/acr.bicep')!;
const net = files.get('infra/modules/network.bicep')!;
const main = files.get('infra/main.bicep')!;

describe('listBicepResources', () => {
  it('lists symbols, full types and API versions, including nested and existing resources', async () => {
    const rs = await listBicepResources(acr);
    expect(rs.map((r) => [r.symbol, `${r.type}@${r.apiVersion}`, r.parent ?? null])).toEqual([
      ['registry', 'Microsoft.ContainerRegistry/registries@2025-11-01', null],
      ['replicas', 'Microsoft.ContainerRegistry/registries/replications@2025-11-01', null],
      ['acrDns', 'Microsoft.Network/privateDnsZones@2024-06-01', null],
      ['link', 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01', 'acrDns'],
      ['registryPe', 'Microsoft.Network/privateEndpoints@2025-09-01', null],
      ['registryPeDns', 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01', null],
    ]);
    const replicas = rs.find((r) => r.symbol === 'replicas')!;
    expect([replicas.loop, replicas.condition, replicas.existing]).toEqual([true, true, false]);
    const subnets = (await listBicepResources(net)).filter((r) => r.parent === 'vnet');
    expect(subnets.map((r) => [r.symbol, r.existing])).toEqual([
      ['gatewaySubnet', true],
      ['aksSubnet', true],
      ['peSubnet', true],
    ]);
  });

  it('converts literal bodies to plain JS and keeps expressions as $expr', async () => {
    const rs = await listBicepResources(aks);
    const cluster = rs.find((r) => r.symbol === 'aks')!;
    const body = cluster.body as Record<string, any>;
    expect(body.sku).toEqual({ name: 'Base', tier: { $expr: 'skuTier' } });
    expect(body.properties.agentPoolProfiles[0].vmSize).toBe('Standard_D4ds_v5');
    expect(body.properties.agentPoolProfiles[0].availabilityZones).toEqual(['1', '2', '3']);
    expect(body.properties.networkProfile.outboundType).toBe('userAssignedNATGateway');
    expect(body.identity.userAssignedIdentities).toEqual({ '${controlPlaneIdentity.id}': {} });
    expect(body.properties.nodeResourceGroup).toEqual({ $expr: "'${resourceGroup().name}-${clusterName}-nodes'" });
    const flux = rs.find((r) => r.symbol === 'gitops')!.body as Record<string, any>;
    expect(flux.scope).toEqual({ $expr: 'aks' });
    expect(flux.properties.kustomizations.apps.dependsOn).toEqual(['infra']);
    expect(flux.dependsOn).toEqual([{ $expr: 'flux' }]);
  });

  it('gives the per-item body of loop resources', async () => {
    const pools = (await listBicepResources(aks)).find((r) => r.symbol === 'pools')!;
    expect(pools.loop).toBe(true);
    expect((pools.body as any).properties.upgradeSettings).toEqual({ maxSurge: '33%' });
  });
});

describe('listBicepParams / listBicepOutputs / listBicepModules', () => {
  it('lists params with defaults, decorators and secure flag', async () => {
    const ps = await listBicepParams(net);
    expect(ps.find((p) => p.name === 'vpnSharedKey')).toMatchObject({ type: 'string', hasDefault: false, secure: true });
    expect(ps.find((p) => p.name === 'onPremAsn')).toMatchObject({ type: 'int', hasDefault: true, default: 65010 });
    const mainParams = await listBicepParams(main);
    expect(mainParams.find((p) => p.name === 'environmentName')!.decorators).toEqual([
      { name: 'description', args: ['Short environment name used in resource names.'] },
      { name: 'allowed', args: [['dev', 'prod']] },
    ]);
    expect(mainParams.find((p) => p.name === 'aksSkuTier')).toMatchObject({ type: "'Free' | 'Standard' | 'Premium'", default: 'Standard' });
  });

  it('lists outputs', async () => {
    const os = await listBicepOutputs(net);
    expect(os.map((o) => [o.name, o.type])).toEqual([
      ['vnetId', 'string'],
      ['aksSubnetId', 'string'],
      ['privateEndpointSubnetId', 'string'],
      ['gatewayIds', 'array'],
    ]);
    expect(os[3]!.value).toEqual([{ $expr: 'erGateway.id' }, { $expr: 'vpnGateway.id' }]);
  });

  it('lists modules with their params', async () => {
    const ms = await listBicepModules(main);
    expect(ms.map((m) => [m.symbol, m.path])).toEqual([
      ['network', './modules/network.bicep'],
      ['acr', './modules/acr.bicep'],
      ['aks', './modules/aks.bicep'],
    ]);
    const aksParams = (ms[2]!.body as any).params;
    expect(aksParams.userPools[1]).toEqual({ name: 'batch', vmSize: 'Standard_E8ds_v5', minCount: 0, maxCount: 4 });
  });
});
