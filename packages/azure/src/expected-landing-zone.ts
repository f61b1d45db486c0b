import type { ClusterSpec } from '@aks-hybrid/spec';

/**
 * What the landing-zone Bicep (packages/landing-zone/bicep/modules) deploys beyond the cluster,
 * derived from the spec: the names and values `kit verify` reads back. Kept next to the checks so a
 * change of the template shows up here; the mock's fixtures are written independently of it.
 */
export interface ExpectedSubnet {
  readonly name: string;
  readonly addressPrefix: string;
  /** NSG associated with the subnet; undefined: none (GatewaySubnet must have none). */
  readonly networkSecurityGroup?: string;
}

/** One NSG rule, in the fields that decide what it lets through. */
export interface ExpectedRule {
  readonly name: string;
  readonly priority: number;
  readonly direction: 'Inbound' | 'Outbound';
  readonly access: 'Allow' | 'Deny';
  readonly protocol: string;
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly destinationPorts: readonly string[];
}

/** The NSG name prefix main.bicep passes to the network module (`nsg-<cluster>`). */
export const nsgName = (spec: ClusterSpec, role: 'nodes' | 'ingress' | 'private-endpoints') => `nsg-${spec.name}-${role}`;

export function expectedSubnets(spec: ClusterSpec): ExpectedSubnet[] {
  const s = spec.network.subnets;
  return [
    // GatewaySubnet takes no NSG (https://learn.microsoft.com/en-us/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub).
    ...(s.gateway ? [{ name: 'GatewaySubnet', addressPrefix: s.gateway }] : []),
    // The DNS resolver's endpoint subnets are delegated to it and carry no NSG (network.bicep).
    ...(s.dnsResolverInbound ? [{ name: 'snet-dns-inbound', addressPrefix: s.dnsResolverInbound }] : []),
    ...(s.dnsResolverOutbound ? [{ name: 'snet-dns-outbound', addressPrefix: s.dnsResolverOutbound }] : []),
    { name: 'snet-system-nodes', addressPrefix: s.systemNodes, networkSecurityGroup: nsgName(spec, 'nodes') },
    { name: 'snet-user-nodes', addressPrefix: s.userNodes, networkSecurityGroup: nsgName(spec, 'nodes') },
    { name: spec.names.ingressSubnet, addressPrefix: s.ingress, networkSecurityGroup: nsgName(spec, 'ingress') },
    { name: 'snet-private-endpoints', addressPrefix: s.privateEndpoints, networkSecurityGroup: nsgName(spec, 'private-endpoints') },
  ];
}

/**
 * The NSGs and their rules. The node NSG's public-ingress rule targets the ingress IP, which Azure
 * allocates: with `ingress.allocatedAddress` recorded its destination is compared, otherwise any
 * single address is taken (and `kit verify` says so).
 */
export function expectedSecurityGroups(spec: ClusterSpec): Map<string, ExpectedRule[]> {
  const s = spec.network.subnets;
  const onPrem = [...spec.onPremises.ranges];
  const web = ['443', '80'];
  const nodes: ExpectedRule[] = [
    {
      name: 'allow-onprem-to-internal-ingress',
      priority: 200,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      sources: onPrem,
      destinations: [s.ingress],
      destinationPorts: web,
    },
    ...(spec.ingress.publicIp
      ? [
          {
            name: 'allow-internet-to-public-ingress',
            priority: 210,
            direction: 'Inbound' as const,
            access: 'Allow' as const,
            protocol: 'Tcp',
            sources: ['0.0.0.0/0'],
            destinations: [spec.ingress.allocatedAddress ?? ANY_SINGLE_ADDRESS],
            destinationPorts: web,
          },
        ]
      : []),
  ];
  const privateEndpoints: ExpectedRule[] = [
    {
      name: 'allow-nodes-to-private-endpoints',
      priority: 200,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      sources: [s.systemNodes, s.userNodes],
      destinations: [s.privateEndpoints],
      destinationPorts: ['443'],
    },
    {
      name: 'allow-onprem-to-private-endpoints',
      priority: 210,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      sources: onPrem,
      destinations: [s.privateEndpoints],
      destinationPorts: ['443'],
    },
    {
      name: 'deny-other-vnet-inbound',
      priority: 4000,
      direction: 'Inbound',
      access: 'Deny',
      protocol: '*',
      sources: ['VirtualNetwork'],
      destinations: ['*'],
      destinationPorts: ['*'],
    },
  ];
  return new Map([
    [nsgName(spec, 'nodes'), nodes],
    [nsgName(spec, 'ingress'), []],
    [nsgName(spec, 'private-endpoints'), privateEndpoints],
  ]);
}

/** Placeholder destination of the public-ingress rule while the allocated address is not recorded. */
export const ANY_SINGLE_ADDRESS = '(the ingress IP)';
