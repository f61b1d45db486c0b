metadata description = 'The virtual network of the cluster: subnets (GatewaySubnet when it holds the gateways), network security groups and the route table of the node subnets.'

import { subnetPrefixesType } from 'types.bicep'

@description('Required. Name of the virtual network.')
param virtualNetworkName string

@description('Required. Address prefixes of the virtual network.')
param addressPrefixes string[]

@description('Required. DNS servers of the virtual network (e.g. the on-premises resolvers); empty for Azure DNS.')
param dnsServers string[]

@description('Required. Address prefixes of the subnets.')
param subnetPrefixes subnetPrefixesType

@description('Required. On-premises ranges. They reach the VNet by BGP through the gateways; the NSGs admit them to ingress and the registry.')
param onPremisesAddressPrefixes string[]

@description('Required. Name prefix of the network security groups.')
param networkSecurityGroupNamePrefix string

@description('Required. Name of the ingress subnet, where the internal ingress controller\'s load balancer takes its frontend IP.')
param ingressSubnetName string

@description('Required. Name of the route table of the node subnets.')
param routeTableName string

@description('Required. Resource ID of the NAT gateway that carries all egress of the node subnets.')
param natGatewayResourceId string

@description('Required. Whether the cluster has the public ingress controller on the static public IP.')
param ingressPublicIpEnabled bool

@description('Required. The static public ingress IP address (ignored without ingressPublicIpEnabled).')
param ingressPublicIpAddress string

@description('Required. Public sources admitted to the public ingress IP: the allow-listed external ranges and the cluster\'s egress prefix, exactly what the in-cluster ingress guard admits.')
param publicIngressSourcePrefixes string[]

@description('Required. Resource ID of the AKS control-plane identity; names its role assignment, so the name is known before the deployment starts.')
param controlPlaneIdentityResourceId string

@description('Required. Principal ID of the AKS control-plane identity; it joins the node subnets and places internal load balancers.')
param controlPlanePrincipalId string

@description('Required. Location of the resources.')
param location string

@description('Required. Tags of the resources.')
param tags object

var networkContributorRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4d97b98b-1d4f-4787-a291-c67834d212e7'
)
var nodeSubnetPrefixes = [
  subnetPrefixes.systemNodes
  subnetPrefixes.userNodes
]
var gatewaySubnet = empty(subnetPrefixes.?gateway ?? '')
  ? []
  : [
      {
        name: 'GatewaySubnet'
        addressPrefix: subnetPrefixes.?gateway ?? ''
        // Gateways own their routing: no NSG, no route table, no NAT gateway on GatewaySubnet.
        networkSecurityGroupId: ''
        routeTableId: ''
        natGatewayId: ''
        delegatedTo: ''
      }
    ]
// The resolver's endpoints each need a subnet of their own, delegated to the resolver
// (https://learn.microsoft.com/azure/dns/dns-private-resolver-overview#subnet-restrictions).
var dnsResolverSubnets = concat(
  empty(subnetPrefixes.?dnsResolverInbound ?? '')
    ? []
    : [
        {
          name: 'snet-dns-inbound'
          addressPrefix: subnetPrefixes.?dnsResolverInbound ?? ''
          networkSecurityGroupId: ''
          routeTableId: ''
          natGatewayId: ''
          delegatedTo: 'Microsoft.Network/dnsResolvers'
        }
      ],
  empty(subnetPrefixes.?dnsResolverOutbound ?? '')
    ? []
    : [
        {
          name: 'snet-dns-outbound'
          addressPrefix: subnetPrefixes.?dnsResolverOutbound ?? ''
          networkSecurityGroupId: ''
          routeTableId: ''
          natGatewayId: ''
          delegatedTo: 'Microsoft.Network/dnsResolvers'
        }
      ]
)
var subnetDefinitions = concat(
  [
    {
      name: 'snet-system-nodes'
      addressPrefix: subnetPrefixes.systemNodes
      networkSecurityGroupId: nodesNsg.id
      routeTableId: routeTable.id
      natGatewayId: natGatewayResourceId
      delegatedTo: ''
    }
    {
      name: 'snet-user-nodes'
      addressPrefix: subnetPrefixes.userNodes
      networkSecurityGroupId: nodesNsg.id
      routeTableId: routeTable.id
      natGatewayId: natGatewayResourceId
      delegatedTo: ''
    }
    {
      name: ingressSubnetName
      addressPrefix: subnetPrefixes.ingress
      networkSecurityGroupId: ingressNsg.id
      routeTableId: ''
      natGatewayId: ''
      delegatedTo: ''
    }
    {
      name: 'snet-private-endpoints'
      addressPrefix: subnetPrefixes.privateEndpoints
      networkSecurityGroupId: privateEndpointsNsg.id
      routeTableId: ''
      natGatewayId: ''
      delegatedTo: ''
    }
  ],
  gatewaySubnet,
  dnsResolverSubnets
)

// Routes to on-premises are learned by BGP from the ExpressRoute and VPN gateways (ExpressRoute is
// preferred for equal prefixes, the VPN takes over when it is withdrawn), so propagation stays on.
// A user-defined route cannot point at a gateway while ExpressRoute and VPN coexist; the one route
// here keeps the default route on the NAT gateway even if on-premises advertises 0.0.0.0/0, so the
// egress addresses never change.
resource routeTable 'Microsoft.Network/routeTables@2025-09-01' = {
  name: routeTableName
  location: location
  tags: tags
  properties: {
    disableBgpRoutePropagation: false
    routes: [
      {
        name: 'default-via-nat-gateway'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'Internet'
        }
      }
    ]
  }
}

// What the ingress controllers serve, and nothing else: the kit's GitOps tree declares two
// NginxIngressControllers of the app routing add-on, HTTP and HTTPS on 80 and 443
// (https://learn.microsoft.com/azure/aks/app-routing-nginx-configuration): nginx-internal, an internal
// load balancer whose frontend IP is in the ingress subnet, for on-premises; and nginx-public, on the
// static public IP, for the allow-listed external ranges. A load balancer frontend is not a NIC: the packets reach the
// node NICs behind it, so the rules sit on the node subnets' NSG, with the frontend address as the
// destination (the Azure cloud provider writes its own service rules the same way:
// https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/). Health probes come in through the
// default rule AllowAzureLoadBalancerInBound. The array's shape depends only on parameters, so
// what-if and `bicep snapshot` see every rule.
var ingressPorts = [
  '80'
  '443'
]
var nodesInboundRules = concat(
  [
    {
      name: 'allow-onprem-to-internal-ingress'
      description: 'HTTP(S) from on-premises to the internal ingress controller (nginx-internal), whose load balancer frontend is in the ingress subnet.'
      priority: 200
      sourceAddressPrefixes: onPremisesAddressPrefixes
      destinationAddressPrefix: subnetPrefixes.ingress
    }
  ],
  ingressPublicIpEnabled
    ? [
        {
          name: 'allow-external-to-public-ingress'
          description: 'HTTP(S) from the allow-listed external ranges and the cluster egress prefix to the public ingress controller (nginx-public) on the static ingress IP.'
          priority: 210
          // The same sources as the in-cluster guard kit-ingress-guard (packages/charts): the NSG and the
          // cluster agree, so neither is the only line of defence. Everything else is denied by the NSG's
          // default rule DenyAllInBound.
          sourceAddressPrefixes: publicIngressSourcePrefixes
          destinationAddressPrefix: ingressPublicIpAddress
        }
      ]
    : []
)

resource nodesNsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: '${networkSecurityGroupNamePrefix}-nodes'
  location: location
  tags: tags
  properties: {
    securityRules: [
      for rule in nodesInboundRules: {
        name: rule.name
        properties: {
          description: rule.description
          priority: rule.priority
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefixes: rule.sourceAddressPrefixes
          sourcePortRange: '*'
          destinationAddressPrefix: rule.destinationAddressPrefix
          destinationPortRanges: ingressPorts
        }
      }
    ]
  }
}

// The ingress subnet holds only internal load balancer frontends, no NICs, so an NSG rule here would
// filter nothing (NSGs apply to the NICs of a subnet:
// https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works). The NSG stays,
// without rules of its own, so that the subnet is never left without one (a common landing-zone
// policy) and a NIC placed here later is filtered from the start.
resource ingressNsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: '${networkSecurityGroupNamePrefix}-ingress'
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource privateEndpointsNsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: '${networkSecurityGroupNamePrefix}-private-endpoints'
  location: location
  tags: tags
  properties: {
    securityRules: [
      {
        name: 'allow-nodes-to-private-endpoints'
        properties: {
          description: 'HTTPS from the node subnets to the private endpoints (registry).'
          priority: 200
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefixes: nodeSubnetPrefixes
          sourcePortRange: '*'
          destinationAddressPrefix: subnetPrefixes.privateEndpoints
          destinationPortRange: '443'
        }
      }
      {
        name: 'allow-onprem-to-private-endpoints'
        properties: {
          description: 'HTTPS from on-premises (e.g. build agents pushing images) to the private endpoints.'
          priority: 210
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefixes: onPremisesAddressPrefixes
          sourcePortRange: '*'
          destinationAddressPrefix: subnetPrefixes.privateEndpoints
          destinationPortRange: '443'
        }
      }
      {
        name: 'deny-other-vnet-inbound'
        properties: {
          description: 'Nothing else reaches the private endpoints.'
          priority: 4000
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

// Subnets are declared inline so that a redeployment never removes one that a gateway or a node
// pool still uses.
resource virtualNetwork 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: virtualNetworkName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: addressPrefixes
    }
    dhcpOptions: {
      dnsServers: dnsServers
    }
    subnets: [
      for subnet in subnetDefinitions: {
        name: subnet.name
        properties: {
          addressPrefix: subnet.addressPrefix
          networkSecurityGroup: empty(subnet.networkSecurityGroupId)
            ? null
            : {
                id: subnet.networkSecurityGroupId
              }
          routeTable: empty(subnet.routeTableId)
            ? null
            : {
                id: subnet.routeTableId
              }
          natGateway: empty(subnet.natGatewayId)
            ? null
            : {
                id: subnet.natGatewayId
              }
          delegations: empty(subnet.delegatedTo)
            ? []
            : [
                {
                  name: 'dns-resolver'
                  properties: {
                    serviceName: subnet.delegatedTo
                  }
                }
              ]
          // Private endpoints honour the NSG only with network policies enabled.
          privateEndpointNetworkPolicies: 'Enabled'
          defaultOutboundAccess: subnet.name == 'GatewaySubnet' ? null : false
        }
      }
    ]
  }

  resource systemNodesSubnet 'subnets' existing = {
    name: 'snet-system-nodes'
  }

  resource userNodesSubnet 'subnets' existing = {
    name: 'snet-user-nodes'
  }

  resource ingressSubnet 'subnets' existing = {
    name: ingressSubnetName
  }

  resource privateEndpointsSubnet 'subnets' existing = {
    name: 'snet-private-endpoints'
  }
}

resource controlPlaneNetworkContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  // Seeded with the identity's resource ID, known before the deployment starts, so what-if stays
  // precise (linter rule what-if-short-circuiting); the principal ID is only a property.
  name: guid(virtualNetwork.id, controlPlaneIdentityResourceId, networkContributorRoleId)
  scope: virtualNetwork
  properties: {
    roleDefinitionId: networkContributorRoleId
    principalId: controlPlanePrincipalId
    principalType: 'ServicePrincipal'
    description: 'AKS joins the node subnets and places internal load balancers in the ingress subnet.'
  }
}

@description('The resource ID of the virtual network.')
output resourceId string = virtualNetwork.id

@description('The name of the virtual network.')
output name string = virtualNetwork.name

@description('The resource ID of the system node subnet.')
output systemNodesSubnetResourceId string = virtualNetwork::systemNodesSubnet.id

@description('The resource ID of the user node subnet.')
output userNodesSubnetResourceId string = virtualNetwork::userNodesSubnet.id

@description('The resource ID of the ingress subnet.')
output ingressSubnetResourceId string = virtualNetwork::ingressSubnet.id

@description('The resource ID of GatewaySubnet; empty when the gateways live in a hub.')
output gatewaySubnetResourceId string = empty(subnetPrefixes.?gateway ?? '')
  ? ''
  : resourceId('Microsoft.Network/virtualNetworks/subnets', virtualNetwork.name, 'GatewaySubnet')

@description('The resource ID of the DNS resolver inbound subnet; empty without one.')
output dnsResolverInboundSubnetResourceId string = empty(subnetPrefixes.?dnsResolverInbound ?? '')
  ? ''
  : resourceId('Microsoft.Network/virtualNetworks/subnets', virtualNetwork.name, 'snet-dns-inbound')

@description('The resource ID of the DNS resolver outbound subnet; empty without one.')
output dnsResolverOutboundSubnetResourceId string = empty(subnetPrefixes.?dnsResolverOutbound ?? '')
  ? ''
  : resourceId('Microsoft.Network/virtualNetworks/subnets', virtualNetwork.name, 'snet-dns-outbound')

@description('The resource ID of the private endpoint subnet.')
output privateEndpointsSubnetResourceId string = virtualNetwork::privateEndpointsSubnet.id
