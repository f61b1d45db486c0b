import { describe, expect, it } from 'vitest';
import type { Val } from './test-support/bicep-eval.js';
import { exampleSpec, variant } from './test-support/example.js';
import { at, renderFor } from './test-support/landing-zone.js';

const VNET = 'Microsoft.Network/virtualNetworks';
const NSG = 'Microsoft.Network/networkSecurityGroups';
const HUB_ID = '/subscriptions/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub-weu';

type Subnet = { name: string; properties: { [key: string]: Val } };
const subnetsOf = (lz: ReturnType<typeof renderFor>) => at(lz.one(VNET).body, 'properties.subnets') as Subnet[];
const byName = (subnets: Subnet[], name: string) => subnets.find((s) => s.name === name)!;
const rulesOf = (lz: ReturnType<typeof renderFor>, name: string) =>
  (at(lz.one(NSG, (r) => String(r.body.name).endsWith(name)).body, 'properties.securityRules') as Array<{ name: string; properties: { [key: string]: Val } }>);

describe('network: VNet and subnets from the spec', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);

  it('GIVEN the example WHEN deployed THEN the VNet has the spec address space and DNS servers', () => {
    const vnet = lz.one(VNET);
    expect(vnet.body.name).toBe(spec.names.virtualNetwork);
    expect(at(vnet.body, 'properties.addressSpace.addressPrefixes')).toEqual(spec.network.addressSpace);
    expect(at(vnet.body, 'properties.dhcpOptions.dnsServers')).toEqual(spec.network.dnsServers);
  });

  it('THEN it has the system and user node, ingress, private endpoint subnets and GatewaySubnet with the spec prefixes', () => {
    const subnets = subnetsOf(lz);
    expect(Object.fromEntries(subnets.map((s) => [s.name, s.properties.addressPrefix]))).toEqual({
      'snet-system-nodes': spec.network.subnets.systemNodes,
      'snet-user-nodes': spec.network.subnets.userNodes,
      'snet-ingress': spec.network.subnets.ingress,
      'snet-private-endpoints': spec.network.subnets.privateEndpoints,
      GatewaySubnet: spec.network.subnets.gateway,
    });
  });

  it('THEN the node subnets egress through the NAT gateway, use the route table and the nodes NSG, and have no default outbound access', () => {
    for (const name of ['snet-system-nodes', 'snet-user-nodes']) {
      const subnet = byName(subnetsOf(lz), name).properties;
      expect(subnet.natGateway, name).toEqual({ id: { $ref: 'fixedIps.outputs.natGatewayResourceId' } });
      expect(subnet.routeTable, name).toEqual({ id: { $ref: 'routeTable.id' } });
      expect(subnet.networkSecurityGroup, name).toEqual({ id: { $ref: 'nodesNsg.id' } });
      expect(subnet.defaultOutboundAccess, name).toBe(false);
    }
  });

  it('THEN ingress and private endpoints have their own NSGs, and private endpoints honour them', () => {
    const subnets = subnetsOf(lz);
    expect(byName(subnets, 'snet-ingress').properties.networkSecurityGroup).toEqual({ id: { $ref: 'ingressNsg.id' } });
    const pe = byName(subnets, 'snet-private-endpoints').properties;
    expect(pe.networkSecurityGroup).toEqual({ id: { $ref: 'privateEndpointsNsg.id' } });
    expect(pe.privateEndpointNetworkPolicies).toBe('Enabled');
  });

  it('THEN GatewaySubnet carries no NSG, route table or NAT gateway (gateways do not support them)', () => {
    const gateway = byName(subnetsOf(lz), 'GatewaySubnet').properties;
    expect([gateway.networkSecurityGroup, gateway.routeTable, gateway.natGateway]).toEqual([null, null, null]);
  });
});

describe('network: routes to on-premises', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);

  it('GIVEN coexisting ExpressRoute and VPN WHEN deployed THEN the route table keeps BGP propagation on (on-premises routes come from the gateways)', () => {
    expect(at(lz.one('Microsoft.Network/routeTables').body, 'properties.disableBgpRoutePropagation')).toBe(false);
  });

  it('THEN no user-defined route points at a gateway, and the default route stays on the NAT gateway (Internet)', () => {
    const routes = at(lz.one('Microsoft.Network/routeTables').body, 'properties.routes') as Array<{ properties: { [key: string]: Val } }>;
    expect(routes.map((r) => r.properties)).toEqual([{ addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }]);
  });

  it('THEN the on-premises ranges are the spec ranges, and the NSGs admit exactly them to ingress and the private endpoints', () => {
    expect(lz.param('onPremisesAddressPrefixes')).toEqual(spec.onPremises.ranges);
    const onPremRules = [...rulesOf(lz, '-nodes'), ...rulesOf(lz, '-ingress'), ...rulesOf(lz, '-private-endpoints')].filter((r) => r.name.includes('onprem'));
    expect(onPremRules.map((r) => r.name)).toEqual(['allow-onprem-to-internal-ingress', 'allow-onprem-to-ingress', 'allow-onprem-to-private-endpoints']);
    for (const rule of onPremRules) expect(rule.properties.sourceAddressPrefixes, rule.name).toEqual(spec.onPremises.ranges);
  });

  it('THEN the internet reaches only the static ingress IP, on 80 and 443', () => {
    const internet = rulesOf(lz, '-nodes').find((r) => r.name === 'allow-internet-to-ingress-ip')!;
    expect(internet.properties).toMatchObject({
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      destinationAddressPrefix: { $ref: 'fixedIps.outputs.ingressPublicIpAddress' },
      destinationPortRanges: ['80', '443'],
    });
  });

  it('GIVEN no public ingress IP WHEN deployed THEN no rule opens anything to the internet', () => {
    const noIngress = renderFor(variant((s) => void (s.ingress.publicIp = false)));
    expect(rulesOf(noIngress, '-nodes').map((r) => r.name)).toEqual(['allow-onprem-to-internal-ingress']);
  });

  it('THEN the AKS control-plane identity may join the subnets (Network Contributor on the VNet)', () => {
    const assignment = lz.one('Microsoft.Authorization/roleAssignments', (r) => r.symbol === 'controlPlaneNetworkContributor');
    expect(assignment.body.scope).toEqual({ $ref: 'virtualNetwork' });
    expect(at(assignment.body, 'properties.principalId')).toEqual({ $ref: 'identities.outputs.controlPlaneIdentityPrincipalId' });
    expect(JSON.stringify(at(assignment.body, 'properties.roleDefinitionId'))).toContain('4d97b98b-1d4f-4787-a291-c67834d212e7');
  });
});

describe('network: hub and spoke', () => {
  const spoke = variant((s) => {
    s.network.topology = 'spoke';
    s.network.hubVirtualNetworkId = HUB_ID;
  });
  const lz = renderFor(spoke);
  const peerings = lz.deployment.modules.filter((m) => m.path === 'modules/virtual-network-peering.bicep');

  it('GIVEN a spoke WHEN deployed THEN the hub side allows gateway transit, in the hub resource group', () => {
    const hub = peerings.find((m) => m.symbol === 'hubPeering')!;
    expect(hub.params).toMatchObject({ localVirtualNetworkName: 'vnet-hub-weu', allowGatewayTransit: true, useRemoteGateways: false });
    expect(hub.body.scope).toEqual({ $expr: "resourceGroup('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'rg-hub')" });
    expect(lz.param('hubVirtualNetworkResourceId')).toBe(HUB_ID);
  });

  it('THEN the spoke side uses the remote gateways, once the hub side exists', () => {
    const local = peerings.find((m) => m.symbol === 'spokePeering')!;
    expect(local.params).toMatchObject({ localVirtualNetworkName: spoke.names.virtualNetwork, remoteVirtualNetworkResourceId: HUB_ID, allowGatewayTransit: false, useRemoteGateways: true });
    expect(local.body.dependsOn).toEqual([{ $ref: 'network' }, { $ref: 'hubPeering' }]);
    const peering = lz.resources('Microsoft.Network/virtualNetworks/virtualNetworkPeerings');
    expect(peering.map((p) => at(p.body, 'properties.allowForwardedTraffic'))).toEqual([true, true]);
  });

  it('THEN the spoke has no gateways and no GatewaySubnet of its own', () => {
    expect(lz.resources('Microsoft.Network/virtualNetworkGateways')).toEqual([]);
    expect(lz.resources('Microsoft.Network/connections')).toEqual([]);
    expect(subnetsOf(lz).map((s) => s.name)).not.toContain('GatewaySubnet');
  });

  it('THEN the cluster waits for the path to on-premises (the peering) before its nodes boot', () => {
    expect(lz.deployment.modules.find((m) => m.symbol === 'aks')!.body.dependsOn).toEqual([{ $ref: 'spokePeering' }]);
    expect(renderFor(exampleSpec()).deployment.modules.find((m) => m.symbol === 'aks')!.body.dependsOn).toEqual([{ $ref: 'expressRoute' }]);
  });
});
