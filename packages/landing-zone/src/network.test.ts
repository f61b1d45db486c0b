import { describe, expect, it } from 'vitest';
import { armResource } from './testing/compiled-template.js';
import { deployed } from './testing/deployed.js';
import { exampleSpec, HUB_ID, VARIANTS } from './testing/example.js';
import type { DeployedLandingZone } from './testing/landing-zone.js';

const VNET = 'Microsoft.Network/virtualNetworks';
const NSG = 'Microsoft.Network/networkSecurityGroups';
const PEERING = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';
const spec = exampleSpec();
const id = (type: string, name: string) => `/subscriptions/${spec.azure.subscriptionId}/resourceGroups/${spec.azure.resourceGroup}/providers/${type}/${name}`;

type Rule = { name: string; properties: Record<string, unknown> };
type Subnet = { name: string; properties: Record<string, unknown> };
const subnetsOf = (lz: DeployedLandingZone) => lz.template.one(VNET).properties!.subnets as Subnet[];
const subnet = (lz: DeployedLandingZone, name: string) => subnetsOf(lz).find((s) => s.name === name)!.properties;
const rulesOf = (lz: DeployedLandingZone, suffix: string) => lz.template.one(NSG, { name: `nsg-${spec.name}-${suffix}` }).properties!.securityRules as Rule[];

describe('network: VNet and subnets from the spec (bicep snapshot)', () => {
  const lz = deployed('example');

  it('GIVEN the example WHEN deployed THEN the VNet has the spec address space and DNS servers', () => {
    lz.template.hasResource(VNET, { name: spec.names.virtualNetwork });
    lz.template.hasResourceProperties(VNET, {
      addressSpace: { addressPrefixes: spec.network.addressSpace },
      dhcpOptions: { dnsServers: spec.network.dnsServers },
    });
  });

  it('THEN it has the system and user node, ingress, private endpoint, GatewaySubnet and DNS resolver subnets with the spec prefixes', () => {
    expect(Object.fromEntries(subnetsOf(lz).map((s) => [s.name, s.properties.addressPrefix]))).toEqual({
      'snet-system-nodes': spec.network.subnets.systemNodes,
      'snet-user-nodes': spec.network.subnets.userNodes,
      [spec.names.ingressSubnet]: spec.network.subnets.ingress,
      'snet-private-endpoints': spec.network.subnets.privateEndpoints,
      GatewaySubnet: spec.network.subnets.gateway,
      'snet-dns-inbound': spec.network.subnets.dnsResolverInbound,
      'snet-dns-outbound': spec.network.subnets.dnsResolverOutbound,
    });
  });

  it('THEN the node subnets egress through the NAT gateway, use the route table and the nodes NSG, and have no default outbound access', () => {
    for (const name of ['snet-system-nodes', 'snet-user-nodes']) {
      expect(subnet(lz, name), name).toMatchObject({
        natGateway: { id: id('Microsoft.Network/natGateways', spec.names.natGateway) },
        routeTable: { id: id('Microsoft.Network/routeTables', spec.names.routeTable) },
        networkSecurityGroup: { id: id('Microsoft.Network/networkSecurityGroups', `nsg-${spec.name}-nodes`) },
        defaultOutboundAccess: false,
      });
    }
  });

  it('THEN ingress and private endpoints have their own NSGs, and private endpoints honour them', () => {
    expect(subnet(lz, spec.names.ingressSubnet).networkSecurityGroup).toEqual({
      id: id('Microsoft.Network/networkSecurityGroups', `nsg-${spec.name}-ingress`),
    });
    expect(subnet(lz, 'snet-private-endpoints')).toMatchObject({
      networkSecurityGroup: { id: id('Microsoft.Network/networkSecurityGroups', `nsg-${spec.name}-private-endpoints`) },
      privateEndpointNetworkPolicies: 'Enabled',
    });
  });

  it('THEN GatewaySubnet carries no NSG, route table or NAT gateway (gateways do not support them)', () => {
    const gateway = subnet(lz, 'GatewaySubnet');
    expect([gateway.networkSecurityGroup, gateway.routeTable, gateway.natGateway]).toEqual([null, null, null]);
  });

  it('THEN the AKS control-plane identity may join the subnets (Network Contributor on the VNet), in an assignment named before the deployment starts', () => {
    const onVnet = lz.template
      .resourcesOfType('Microsoft.Authorization/roleAssignments')
      .filter((r) => r.id!.startsWith(`${id(VNET, spec.names.virtualNetwork)}/providers/`));
    expect(onVnet).toHaveLength(1);
    expect(onVnet[0]!.properties).toMatchObject({
      roleDefinitionId: expect.stringContaining('4d97b98b-1d4f-4787-a291-c67834d212e7'),
      principalType: 'ServicePrincipal',
    });
    expect(onVnet[0]!.properties!.principalId).toContain(spec.names.controlPlaneIdentity);
    // what-if-short-circuiting: the name is a GUID already, not an expression over a run-time principal ID.
    expect(onVnet[0]!.name).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('network: routes to on-premises (bicep snapshot)', () => {
  const lz = deployed('example');

  it('GIVEN coexisting ExpressRoute and VPN WHEN deployed THEN the route table keeps BGP propagation on, and its one route keeps the default route on the NAT gateway', () => {
    lz.template.hasResourceProperties('Microsoft.Network/routeTables', {
      disableBgpRoutePropagation: false,
      routes: [{ name: 'default-via-nat-gateway', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } }],
    });
  });

  it('THEN the on-premises ranges the NSGs admit are exactly the spec ranges', () => {
    const onPremRules = [...rulesOf(lz, 'nodes'), ...rulesOf(lz, 'ingress'), ...rulesOf(lz, 'private-endpoints')].filter((r) => r.name.includes('onprem'));
    expect(onPremRules.map((r) => r.name)).toEqual(['allow-onprem-to-internal-ingress', 'allow-onprem-to-private-endpoints']);
    for (const rule of onPremRules) expect(rule.properties.sourceAddressPrefixes, rule.name).toEqual(spec.onPremises.ranges);
  });
});

describe('network: the NSG rules admit exactly what the ingress controllers serve (bicep snapshot)', () => {
  const lz = deployed('example');
  const noPublic = deployed('privateNoIngress');

  it('GIVEN public and internal controllers WHEN deployed THEN the node NSG admits HTTP(S) from on-premises to the ingress subnet and from the external ranges and the egress prefix to the static IP, nothing else', () => {
    const rules = rulesOf(lz, 'nodes');
    expect(rules.map((r) => r.name)).toEqual(['allow-onprem-to-internal-ingress', 'allow-external-to-public-ingress']);
    for (const rule of rules)
      expect(rule.properties).toMatchObject({ direction: 'Inbound', access: 'Allow', protocol: 'Tcp', destinationPortRanges: ['80', '443'] });
    expect(rules[0]!.properties.destinationAddressPrefix).toBe(spec.network.subnets.ingress);
    // The same sources as the in-cluster ingress guard: the external ranges, then the NAT gateway's prefix
    // (known only during the deployment, so the snapshot keeps it as an expression). Never the whole internet.
    const sources = rules[1]!.properties.sourceAddressPrefixes as string[];
    expect(sources.slice(0, -1)).toEqual([...new Set(spec.externalRanges.flatMap((r) => r.cidrs))].sort());
    expect(sources.at(-1)).toMatch(/egress/);
    expect(sources).not.toContain('0.0.0.0/0');
    expect(rules[1]!.properties.destinationAddressPrefix).toContain(`publicIPAddresses/${spec.names.ingressPublicIp}`);
  });

  it('GIVEN no public ingress IP WHEN deployed THEN only the internal controller is admitted: no rule opens anything to the internet', () => {
    expect(rulesOf(noPublic, 'nodes').map((r) => r.name)).toEqual(['allow-onprem-to-internal-ingress']);
  });

  it('THEN the ingress subnet NSG has no rules: the subnet holds load balancer frontends, no NICs, so a rule there would filter nothing', () => {
    expect(rulesOf(lz, 'ingress')).toEqual([]);
    expect(rulesOf(noPublic, 'ingress')).toEqual([]);
  });
});

describe('network: hub and spoke (bicep snapshot)', () => {
  const lz = deployed('spoke');
  const spoke = VARIANTS.spoke();

  it('GIVEN a spoke WHEN deployed THEN the hub side allows gateway transit, in the hub subscription and resource group', () => {
    const hubSide = lz.template.one(PEERING, { name: `vnet-hub-weu/peer-${spoke.names.virtualNetwork}` });
    expect(hubSide.id).toBe(`${HUB_ID}/virtualNetworkPeerings/peer-${spoke.names.virtualNetwork}`);
    expect(hubSide.properties).toMatchObject({ allowGatewayTransit: true, useRemoteGateways: false, allowForwardedTraffic: true });
  });

  it('THEN the spoke side uses the remote gateways', () => {
    lz.template.hasResource(PEERING, {
      name: `${spoke.names.virtualNetwork}/peer-vnet-hub-weu`,
      properties: { remoteVirtualNetwork: { id: HUB_ID }, allowGatewayTransit: false, useRemoteGateways: true, allowForwardedTraffic: true },
    });
  });

  it('THEN the spoke has no gateways, connections or GatewaySubnet of its own', () => {
    expect(lz.template.resourceCount('Microsoft.Network/virtualNetworkGateways')).toBe(0);
    expect(lz.template.resourceCount('Microsoft.Network/connections')).toBe(0);
    expect(subnetsOf(lz).map((s) => s.name)).not.toContain('GatewaySubnet');
    expect(deployed('example').template.resourceCount(PEERING)).toBe(0);
  });

  it('THEN the cluster waits for the path to on-premises (gateways or peering) before its nodes boot, and the spoke side waits for the hub side', () => {
    expect(armResource('aks').dependsOn).toEqual(expect.arrayContaining(['expressRouteGateway', 'vpnGateway', 'spokePeering']));
    expect(armResource('spokePeering').dependsOn).toEqual(expect.arrayContaining(['hubPeering']));
  });
});
