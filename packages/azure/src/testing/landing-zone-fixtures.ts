import type { ClusterSpec } from '@aks-hybrid/spec';
import type { Json } from './arm-fixtures.js';

/**
 * What ARM returns for the rest of a landing zone deployed from the kit's Bicep (network, gateways,
 * registry, fixed IPs), as on the wire (`properties` nested), written from the public REST specs
 * (Microsoft.Network 2025-xx, Microsoft.ContainerRegistry 2025-xx) and the Bicep modules,
 * independently of the comparison code: tests mutate these bodies to make drift.
 * Keyed by the lower-case resource path the SDKs GET; a list (replications) is an array.
 */
export function landingZoneResourcesJson(spec: ClusterSpec): Map<string, Json | Json[]> {
  const { subscriptionId: sub, resourceGroup: rg, location } = spec.azure;
  const zones = [...spec.azure.zones];
  const base = `/subscriptions/${sub}/resourceGroups/${rg}/providers`;
  const id = (type: string, name: string) => `${base}/${type}/${name}`;
  const n = spec.names;
  const s = spec.network.subnets;
  const nsg = (role: string) => `nsg-${spec.name}-${role}`;
  const out = new Map<string, Json | Json[]>();
  const put = (type: string, name: string, body: Json) => out.set(id(type, name).toLowerCase(), { id: id(type, name), name, location, ...body });

  const subnet = (name: string, prefix: string, nsgName?: string, nat = false) => ({
    id: `${id('Microsoft.Network/virtualNetworks', n.virtualNetwork)}/subnets/${name}`,
    name,
    properties: {
      provisioningState: 'Succeeded',
      addressPrefix: prefix,
      ...(nsgName ? { networkSecurityGroup: { id: id('Microsoft.Network/networkSecurityGroups', nsgName) } } : {}),
      ...(nat ? { natGateway: { id: id('Microsoft.Network/natGateways', n.natGateway) } } : {}),
    },
  });
  put('Microsoft.Network/virtualNetworks', n.virtualNetwork, {
    type: 'Microsoft.Network/virtualNetworks',
    properties: {
      provisioningState: 'Succeeded',
      addressSpace: { addressPrefixes: [...spec.network.addressSpace] },
      dhcpOptions: { dnsServers: [...spec.network.dnsServers] },
      subnets: [
        ...(s.gateway ? [subnet('GatewaySubnet', s.gateway)] : []),
        ...(s.dnsResolverInbound ? [subnet('snet-dns-inbound', s.dnsResolverInbound)] : []),
        ...(s.dnsResolverOutbound ? [subnet('snet-dns-outbound', s.dnsResolverOutbound)] : []),
        subnet('snet-system-nodes', s.systemNodes, nsg('nodes'), true),
        subnet('snet-user-nodes', s.userNodes, nsg('nodes'), true),
        subnet(n.ingressSubnet, s.ingress, nsg('ingress')),
        subnet('snet-private-endpoints', s.privateEndpoints, nsg('private-endpoints')),
      ],
    },
  });

  const ingressAddress = spec.ingress.allocatedAddress ?? '20.50.60.70';
  const rule = (name: string, priority: number, access: string, protocol: string, sources: string[], destination: string, ports: string[]) => ({
    name,
    properties: {
      provisioningState: 'Succeeded',
      priority,
      direction: 'Inbound',
      access,
      protocol,
      sourcePortRange: '*',
      ...(sources.length === 1 ? { sourceAddressPrefix: sources[0], sourceAddressPrefixes: [] } : { sourceAddressPrefixes: sources }),
      destinationAddressPrefix: destination,
      ...(ports.length === 1 ? { destinationPortRange: ports[0], destinationPortRanges: [] } : { destinationPortRanges: ports }),
    },
  });
  const onPrem = [...spec.onPremises.ranges];
  const securityGroup = (name: string, rules: Json[]) =>
    put('Microsoft.Network/networkSecurityGroups', name, {
      type: 'Microsoft.Network/networkSecurityGroups',
      properties: { provisioningState: 'Succeeded', securityRules: rules },
    });
  securityGroup(nsg('nodes'), [
    rule('allow-onprem-to-internal-ingress', 200, 'Allow', 'Tcp', onPrem, s.ingress, ['80', '443']),
    ...(spec.ingress.publicIp ? [rule('allow-internet-to-public-ingress', 210, 'Allow', 'Tcp', ['0.0.0.0/0'], ingressAddress, ['80', '443'])] : []),
  ]);
  securityGroup(nsg('ingress'), []);
  securityGroup(nsg('private-endpoints'), [
    rule('allow-nodes-to-private-endpoints', 200, 'Allow', 'Tcp', [s.systemNodes, s.userNodes], s.privateEndpoints, ['443']),
    rule('allow-onprem-to-private-endpoints', 210, 'Allow', 'Tcp', onPrem, s.privateEndpoints, ['443']),
    rule('deny-other-vnet-inbound', 4000, 'Deny', '*', ['VirtualNetwork'], '*', ['*']),
  ]);

  const er = spec.connectivity.expressRoute;
  put('Microsoft.Network/virtualNetworkGateways', n.expressRouteGateway, {
    type: 'Microsoft.Network/virtualNetworkGateways',
    properties: {
      provisioningState: 'Succeeded',
      gatewayType: 'ExpressRoute',
      sku: { name: er.gatewaySku, tier: er.gatewaySku },
      activeActive: false,
      enableBgp: false,
    },
  });
  put('Microsoft.Network/connections', n.expressRouteConnection, {
    type: 'Microsoft.Network/connections',
    properties: {
      provisioningState: 'Succeeded',
      connectionType: 'ExpressRoute',
      // The REST spec marks the embedded gateway's `properties` required; ARM sends `{}`.
      virtualNetworkGateway1: { id: id('Microsoft.Network/virtualNetworkGateways', n.expressRouteGateway), properties: {} },
      peer: { id: er.circuitId },
      routingWeight: er.routingWeight,
      connectionStatus: 'Connected',
    },
  });
  const vpn = spec.connectivity.vpn;
  if (vpn) {
    put('Microsoft.Network/virtualNetworkGateways', n.vpnGateway, {
      type: 'Microsoft.Network/virtualNetworkGateways',
      properties: {
        provisioningState: 'Succeeded',
        gatewayType: 'Vpn',
        vpnType: 'RouteBased',
        sku: { name: vpn.gatewaySku, tier: vpn.gatewaySku },
        activeActive: vpn.activeActive,
        enableBgp: true,
        bgpSettings: { asn: vpn.azureBgpAsn, peerWeight: 0 },
      },
    });
    put('Microsoft.Network/connections', n.vpnConnection, {
      type: 'Microsoft.Network/connections',
      properties: {
        provisioningState: 'Succeeded',
        connectionType: 'IPsec',
        connectionProtocol: 'IKEv2',
        virtualNetworkGateway1: { id: id('Microsoft.Network/virtualNetworkGateways', n.vpnGateway), properties: {} },
        localNetworkGateway2: { id: id('Microsoft.Network/localNetworkGateways', n.localNetworkGateway), properties: {} },
        enableBgp: true,
        connectionStatus: 'Connected',
      },
    });
    put('Microsoft.Network/localNetworkGateways', n.localNetworkGateway, {
      type: 'Microsoft.Network/localNetworkGateways',
      properties: {
        provisioningState: 'Succeeded',
        gatewayIpAddress: vpn.peer.deviceIp,
        localNetworkAddressSpace: { addressPrefixes: [`${vpn.peer.bgpPeeringAddress}/32`] },
        bgpSettings: { asn: vpn.peer.bgpAsn, bgpPeeringAddress: vpn.peer.bgpPeeringAddress },
      },
    });
  }

  put('Microsoft.ContainerRegistry/registries', spec.registry.name, {
    type: 'Microsoft.ContainerRegistry/registries',
    sku: { name: 'Premium', tier: 'Premium' },
    properties: {
      provisioningState: 'Succeeded',
      loginServer: spec.registry.loginServer,
      adminUserEnabled: false,
      publicNetworkAccess: spec.registry.publicNetworkAccess,
      zoneRedundancy: 'Enabled',
      anonymousPullEnabled: false,
    },
  });
  // ARM lists the home region among the replications.
  out.set(
    `${id('Microsoft.ContainerRegistry/registries', spec.registry.name)}/replications`.toLowerCase(),
    [location, ...spec.registry.replicaLocations].map((l) => ({
      id: `${id('Microsoft.ContainerRegistry/registries', spec.registry.name)}/replications/${l}`,
      name: l,
      type: 'Microsoft.ContainerRegistry/registries/replications',
      location: l,
      properties: { provisioningState: 'Succeeded', zoneRedundancy: 'Enabled', regionEndpointEnabled: true },
    })),
  );

  const egressPrefix = spec.egress.allocatedPrefix ?? `203.0.113.128/${spec.egress.publicIpPrefixLength}`;
  put('Microsoft.Network/natGateways', n.natGateway, {
    type: 'Microsoft.Network/natGateways',
    sku: { name: 'StandardV2' },
    zones,
    properties: {
      provisioningState: 'Succeeded',
      idleTimeoutInMinutes: spec.egress.idleTimeoutMinutes,
      publicIpPrefixes: [{ id: id('Microsoft.Network/publicIPPrefixes', n.egressPublicIpPrefix) }],
    },
  });
  put('Microsoft.Network/publicIPPrefixes', n.egressPublicIpPrefix, {
    type: 'Microsoft.Network/publicIPPrefixes',
    sku: { name: 'StandardV2', tier: 'Regional' },
    zones,
    properties: { provisioningState: 'Succeeded', prefixLength: spec.egress.publicIpPrefixLength, publicIPAddressVersion: 'IPv4', ipPrefix: egressPrefix },
  });
  if (spec.ingress.publicIp) {
    put('Microsoft.Network/publicIPAddresses', n.ingressPublicIp, {
      type: 'Microsoft.Network/publicIPAddresses',
      sku: { name: 'Standard', tier: 'Regional' },
      zones,
      properties: {
        provisioningState: 'Succeeded',
        publicIPAllocationMethod: 'Static',
        publicIPAddressVersion: 'IPv4',
        idleTimeoutInMinutes: 4,
        ipAddress: ingressAddress,
      },
    });
  }
  return out;
}
