import { describe, expect, it } from 'vitest';
import { deployed } from './testing/deployed.js';
import { exampleSpec } from './testing/example.js';

const REGISTRY = 'Microsoft.ContainerRegistry/registries';
const REPLICA = 'Microsoft.ContainerRegistry/registries/replications';
const ACR_PULL = '7f951dda-4ed3-4680-a7ca-43fe172d538d';
const spec = exampleSpec();

describe('container registry (bicep snapshot)', () => {
  const lz = deployed('example');

  it('GIVEN the example WHEN deployed THEN the registry is Premium and zone-redundant, with admin user and anonymous pull off', () => {
    lz.template.hasResource(REGISTRY, {
      name: spec.registry.name,
      sku: { name: 'Premium' },
      properties: { zoneRedundancy: 'Enabled', adminUserEnabled: false, anonymousPullEnabled: false, publicNetworkAccess: spec.registry.publicNetworkAccess },
    });
  });

  it('THEN there is one zone-redundant geo-replica per spec replica location', () => {
    expect(spec.registry.replicaLocations.length).toBeGreaterThan(0);
    expect(lz.template.resourcesOfType(REPLICA).map((r) => [r.location, r.properties!.zoneRedundancy])).toEqual(
      spec.registry.replicaLocations.map((l) => [l, 'Enabled']),
    );
  });

  it('GIVEN more replica locations WHEN deployed THEN each is a zone-redundant replica; GIVEN none THEN there are none', () => {
    expect(
      deployed('singleVpnSameSubscription')
        .template.resourcesOfType(REPLICA)
        .map((r) => [r.name, r.properties!.zoneRedundancy]),
    ).toEqual([
      [`${spec.registry.name}/northeurope`, 'Enabled'],
      [`${spec.registry.name}/swedencentral`, 'Enabled'],
    ]);
    expect(deployed('privateNoIngress').template.resourceCount(REPLICA)).toBe(0);
  });

  it('THEN the kubelet identity may pull (AcrPull on the registry)', () => {
    const registry = lz.template.one(REGISTRY);
    const pulls = lz.template.resourcesOfType('Microsoft.Authorization/roleAssignments').filter((r) => r.id!.startsWith(`${registry.id}/providers/`));
    expect(pulls).toHaveLength(1);
    expect(pulls[0]!.properties).toMatchObject({ roleDefinitionId: expect.stringContaining(ACR_PULL), principalType: 'ServicePrincipal' });
    expect(pulls[0]!.properties!.principalId).toContain(spec.names.kubeletIdentity);
  });

  it('GIVEN the spec asks for a private endpoint WHEN deployed THEN the endpoint sits in its subnet, registered in a private DNS zone linked to the VNet', () => {
    const registry = lz.template.one(REGISTRY);
    lz.template.hasResource('Microsoft.Network/privateEndpoints', {
      name: spec.names.registryPrivateEndpoint,
      properties: { privateLinkServiceConnections: [{ properties: { privateLinkServiceId: registry.id, groupIds: ['registry'] } }] },
    });
    expect(
      (lz.template.one('Microsoft.Network/privateEndpoints', { name: spec.names.registryPrivateEndpoint }).properties!.subnet as { id: string }).id,
    ).toMatch(/\/subnets\/snet-private-endpoints$/);
    // The example also has a Key Vault, with its own zone (key-vault.test.ts).
    const zone = lz.template.resourcesOfType('Microsoft.Network/privateDnsZones').find((z) => z.name.includes('acrLoginServer'))!;
    expect(zone.location).toBe('global');
    expect(zone.name).toContain('acrLoginServer'); // privatelink + the cloud's suffix: privatelink.azurecr.io in Azure public
    lz.template.hasResourceProperties('Microsoft.Network/privateDnsZones/virtualNetworkLinks', {
      virtualNetwork: { id: lz.template.output('virtualNetworkResourceId') },
      registrationEnabled: false,
    });
    lz.template.hasResourceProperties('Microsoft.Network/privateEndpoints/privateDnsZoneGroups', {
      privateDnsZoneConfigs: [{ name: 'registry', properties: { privateDnsZoneId: zone.id } }],
    });
  });

  it('GIVEN no private endpoint WHEN deployed THEN neither endpoint nor private DNS exists', () => {
    const open = deployed('privateNoIngress');
    for (const type of ['Microsoft.Network/privateEndpoints', 'Microsoft.Network/privateDnsZones', 'Microsoft.Network/privateDnsZones/virtualNetworkLinks']) {
      expect(open.template.resourceCount(type), type).toBe(0);
    }
  });
});
