import { describe, expect, it } from 'vitest';
import { deployed } from './testing/deployed.js';
import { CENTRAL_ZONE, exampleSpec } from './testing/example.js';

const RESOLVER = 'Microsoft.Network/dnsResolvers';
const INBOUND = 'Microsoft.Network/dnsResolvers/inboundEndpoints';
const OUTBOUND = 'Microsoft.Network/dnsResolvers/outboundEndpoints';
const RULE = 'Microsoft.Network/dnsForwardingRulesets/forwardingRules';
const spec = exampleSpec();

describe('hybrid DNS: the DNS Private Resolver (bicep snapshot)', () => {
  const lz = deployed('example');
  const vnetId = lz.template.output('virtualNetworkResourceId') as string;

  it('GIVEN resolver subnets WHEN deployed THEN the resolver serves the VNet from subnets delegated to it', () => {
    lz.template.hasResource(RESOLVER, { name: `dnsr-${spec.name}`, properties: { virtualNetwork: { id: vnetId } } });
    const subnets = lz.template.one('Microsoft.Network/virtualNetworks').properties!.subnets as Array<{ name: string; properties: Record<string, unknown> }>;
    for (const [name, prefix] of [
      ['snet-dns-inbound', spec.network.subnets.dnsResolverInbound],
      ['snet-dns-outbound', spec.network.subnets.dnsResolverOutbound],
    ]) {
      expect(subnets.find((s) => s.name === name)?.properties, name).toMatchObject({
        addressPrefix: prefix,
        delegations: [{ properties: { serviceName: 'Microsoft.Network/dnsResolvers' } }],
      });
    }
    // Only the resolver's subnets are delegated.
    expect(subnets.filter((s) => (s.properties.delegations as unknown[]).length > 0).map((s) => s.name)).toEqual(['snet-dns-inbound', 'snet-dns-outbound']);
  });

  it('THEN the inbound endpoint has the static first usable address of its subnet, which the deployment outputs and addresses.json and the README name', () => {
    lz.template.hasResourceProperties(INBOUND, {
      ipConfigurations: [{ privateIpAllocationMethod: 'Static', privateIpAddress: '10.40.10.4', subnet: { id: `${vnetId}/subnets/snet-dns-inbound` } }],
    });
    expect(lz.template.output('dnsResolverInboundAddress')).toBe('10.40.10.4');
    expect(JSON.parse(lz.files.get('addresses.json')!).dns).toEqual({
      resolverInboundAddress: '10.40.10.4',
      conditionalForwarders: [
        { zone: 'privatelink.azurecr.io', forwardTo: '10.40.10.4' },
        { zone: 'privatelink.vaultcore.azure.net', forwardTo: '10.40.10.4' },
      ],
      forwardedToOnPremises: [{ zone: 'corp.contoso.com.', servers: spec.network.dnsServers }],
    });
    expect(lz.files.get('README.md')).toContain('| `privatelink.azurecr.io` | `10.40.10.4` |');
  });

  it('THEN the outbound endpoint and a ruleset linked to the VNet forward each on-premises zone the spec names to its servers', () => {
    lz.template.hasResourceProperties(OUTBOUND, { subnet: { id: `${vnetId}/subnets/snet-dns-outbound` } });
    lz.template.hasResourceProperties(RULE, {
      domainName: 'corp.contoso.com.',
      forwardingRuleState: 'Enabled',
      targetDnsServers: spec.network.dnsServers.map((ipAddress) => ({ ipAddress, port: 53 })),
    });
    lz.template.hasResourceProperties('Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks', { virtualNetwork: { id: vnetId } });
  });

  it('GIVEN a private cluster WHEN rendered with a resolver THEN the AKS private zone joins the conditional forwarders', () => {
    const priv = deployed('privateNoIngress');
    expect(JSON.parse(priv.files.get('addresses.json')!).dns.conditionalForwarders).toEqual([
      { zone: 'privatelink.westeurope.azmk8s.io', forwardTo: '10.40.10.4' },
    ]);
  });

  it('GIVEN no resolver subnets WHEN deployed THEN no resolver, no delegated subnet, and an empty output', () => {
    const none = deployed('centralZonesPrivate');
    for (const type of [RESOLVER, INBOUND, OUTBOUND, RULE]) expect(none.template.resourceCount(type), type).toBe(0);
    expect(none.template.output('dnsResolverInboundAddress')).toBe('');
    expect(JSON.parse(none.files.get('addresses.json')!).dns).toBeNull();
  });
});

describe('existing central private DNS zones (Azure Landing Zone style, bicep snapshot)', () => {
  const central = deployed('centralZonesPrivate');

  it('GIVEN a central privatelink.azurecr.io zone WHEN deployed THEN the registry endpoint registers there and no zone or link is created', () => {
    expect(central.template.resourceCount('Microsoft.Network/privateDnsZones')).toBe(0);
    expect(central.template.resourceCount('Microsoft.Network/privateDnsZones/virtualNetworkLinks')).toBe(0);
    central.template.hasResourceProperties('Microsoft.Network/privateEndpoints/privateDnsZoneGroups', {
      privateDnsZoneConfigs: [{ name: 'registry', properties: { privateDnsZoneId: CENTRAL_ZONE('privatelink.azurecr.io') } }],
    });
    // Both ways: the example creates and links its own zones (the registry's and the Key Vault's).
    expect(deployed('example').template.resourceCount('Microsoft.Network/privateDnsZones')).toBe(2);
  });

  it('GIVEN a central zone for the private API server WHEN deployed THEN AKS uses it, and the control plane may write to it (Private DNS Zone Contributor)', () => {
    const zone = CENTRAL_ZONE('privatelink.westeurope.azmk8s.io');
    central.template.hasResourceProperties('Microsoft.ContainerService/managedClusters', {
      apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: zone },
    });
    const onZone = central.template.resourcesOfType('Microsoft.Authorization/roleAssignments').filter((r) => r.id!.startsWith(`${zone}/providers/`));
    expect(onZone).toHaveLength(1);
    expect(onZone[0]!.properties!.roleDefinitionId).toContain('b12aa53e-6015-4669-85d0-8515ebb3ae7f');
    expect(onZone[0]!.properties!.principalId).toContain(spec.names.controlPlaneIdentity);
    expect(deployed('privateNoIngress').template.one('Microsoft.ContainerService/managedClusters').properties).toMatchObject({
      apiServerAccessProfile: { privateDNSZone: 'system' },
    });
  });
});
