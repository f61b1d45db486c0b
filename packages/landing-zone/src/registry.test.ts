import { describe, expect, it } from 'vitest';
import { exampleSpec, variant } from './test-support/example.js';
import { at, renderFor } from './test-support/landing-zone.js';

const REGISTRY = 'Microsoft.ContainerRegistry/registries';
const REPLICA = 'Microsoft.ContainerRegistry/registries/replications';
const ACR_PULL = '7f951dda-4ed3-4680-a7ca-43fe172d538d';

describe('container registry', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);

  it('GIVEN the example WHEN deployed THEN the registry is Premium and zone-redundant, with admin user and anonymous pull off', () => {
    const registry = lz.one(REGISTRY);
    expect(registry.body).toMatchObject({ name: spec.registry.name, sku: { name: 'Premium' } });
    expect(registry.body.properties).toMatchObject({
      zoneRedundancy: 'Enabled',
      adminUserEnabled: false,
      anonymousPullEnabled: false,
      publicNetworkAccess: spec.registry.publicNetworkAccess,
    });
  });

  it('THEN there is one zone-redundant geo-replica per spec replica location', () => {
    const replicas = lz.resources(REPLICA);
    expect(replicas.map((r) => r.body.location)).toEqual(spec.registry.replicaLocations);
    expect(spec.registry.replicaLocations.length).toBeGreaterThan(0);
    for (const r of replicas) expect(at(r.body, 'properties.zoneRedundancy'), String(r.body.name)).toBe('Enabled');
  });

  it('GIVEN more replica locations WHEN deployed THEN each is a zone-redundant replica', () => {
    const many = renderFor(variant((s) => void (s.registry.replicaLocations = ['northeurope', 'swedencentral'])));
    expect(many.resources(REPLICA).map((r) => [r.body.name, at(r.body, 'properties.zoneRedundancy')])).toEqual([
      ['northeurope', 'Enabled'],
      ['swedencentral', 'Enabled'],
    ]);
  });

  it('GIVEN no replicas WHEN deployed THEN there are none', () => {
    expect(renderFor(variant((s) => void (s.registry.replicaLocations = []))).resources(REPLICA)).toEqual([]);
  });

  it('THEN the kubelet identity may pull (AcrPull on the registry)', () => {
    const pull = lz.one('Microsoft.Authorization/roleAssignments', (r) => r.symbol === 'kubeletAcrPull');
    expect(pull.body.scope).toEqual({ $ref: 'registry' });
    expect(at(pull.body, 'properties.principalId')).toEqual({ $ref: 'identities.outputs.kubeletIdentityPrincipalId' });
    expect(JSON.stringify(at(pull.body, 'properties.roleDefinitionId'))).toContain(ACR_PULL);
  });

  it('GIVEN the spec asks for a private endpoint WHEN deployed THEN the endpoint sits in its subnet with a private DNS zone linked to the VNet', () => {
    const endpoint = lz.one('Microsoft.Network/privateEndpoints');
    expect(endpoint.body.name).toBe(spec.names.registryPrivateEndpoint);
    expect(endpoint.body.properties).toMatchObject({
      subnet: { id: { $ref: 'network.outputs.privateEndpointsSubnetResourceId' } },
      privateLinkServiceConnections: [{ properties: { privateLinkServiceId: { $ref: 'registry.id' }, groupIds: ['registry'] } }],
    });
    const zone = lz.one('Microsoft.Network/privateDnsZones');
    expect(zone.body.location).toBe('global');
    expect(lz.one('Microsoft.Network/privateDnsZones/virtualNetworkLinks').body.properties).toEqual({
      virtualNetwork: { id: { $ref: 'network.outputs.resourceId' } },
      registrationEnabled: false,
    });
    expect(at(lz.one('Microsoft.Network/privateEndpoints/privateDnsZoneGroups').body, 'properties.privateDnsZoneConfigs')).toEqual([
      { name: 'registry', properties: { privateDnsZoneId: { $ref: 'privateDnsZone.id' } } },
    ]);
  });

  it('GIVEN no private endpoint WHEN deployed THEN neither endpoint nor private DNS exists', () => {
    const open = renderFor(variant((s) => void (s.registry.privateEndpoint = false)));
    for (const type of ['Microsoft.Network/privateEndpoints', 'Microsoft.Network/privateDnsZones', 'Microsoft.Network/privateDnsZones/virtualNetworkLinks']) {
      expect(open.resources(type), type).toEqual([]);
    }
  });
});
