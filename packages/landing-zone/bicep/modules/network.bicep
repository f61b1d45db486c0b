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

@description('Required. Name of the route table of the node subnets.')
param routeTableName string

@description('Required. Resource ID of the NAT gateway that carries all egress of the node subnets.')
param natGatewayResourceId string

@description('Required. The static ingress IP address, or empty when there is none.')
param ingressPublicIpAddress string

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
      }
    ]
var subnetDefinitions = concat(
  [
    {
      name: 'snet-system-nodes'
      addressPrefix: subnetPrefixes.systemNodes
      networkSecurityGroupId: nodesNsg.id
      routeTableId: routeTable.id
      natGatewayId: natGatewayResourceId
    }
    {
      name: 'snet-user-nodes'
      addressPrefix: subnetPrefixes.userNodes
      networkSecurityGroupId: nodesNsg.id
      routeTableId: routeTable.id
      natGatewayId: natGatewayResourceId
    }
    {
      name: 'snet-ingress'
      addressPrefix: subnetPrefixes.ingress
      networkSecurityGroupId: ingressNsg.id
      routeTableId: ''
      natGatewayId: ''
    }
    {
      name: 'snet-private-endpoints'
      addressPrefix: subnetPrefixes.privateEndpoints
      networkSecurityGroupId: privateEndpointsNsg.id
      routeTableId: ''
      natGatewayId: ''
    }
  ],
  gatewaySubnet
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

// Rules as data, one shape for all: the loop below maps them onto securityRules.
var nodesInboundRules = concat(
  [
    {
      name: 'allow-onprem-to-internal-ingress'
      description: 'HTTP(S) from on-premises to the internal ingress load balancer in front of the nodes.'
      priority: 200
      sourceAddressPrefixes: onPremisesAddressPrefixes
      destinationAddressPrefix: subnetPrefixes.ingress
    }
  ],
  empty(ingressPublicIpAddress)
    ? []
    : [
        {
          name: 'allow-internet-to-ingress-ip'
          description: 'HTTP(S) to the static ingress IP; the load balancer delivers it to the ingress controller on the nodes.'
          priority: 210
          // Any source: only traffic from the internet can reach a public address.
          sourceAddressPrefixes: [
            '0.0.0.0/0'
          ]
          destinationAddressPrefix: ingressPublicIpAddress
        }
      ]
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
          destinationPortRanges: [
            '80'
            '443'
          ]
        }
      }
    ]
  }
}

resource ingressNsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: '${networkSecurityGroupNamePrefix}-ingress'
  location: location
  tags: tags
  properties: {
    securityRules: [
      {
        name: 'allow-onprem-to-ingress'
        properties: {
          description: 'HTTP(S) from on-premises to the internal ingress load balancer.'
          priority: 200
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefixes: onPremisesAddressPrefixes
          sourcePortRange: '*'
          destinationAddressPrefix: subnetPrefixes.ingress
          destinationPortRanges: [
            '80'
            '443'
          ]
        }
      }
    ]
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
    name: 'snet-ingress'
  }

  resource privateEndpointsSubnet 'subnets' existing = {
    name: 'snet-private-endpoints'
  }
}

resource controlPlaneNetworkContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(virtualNetwork.id, controlPlanePrincipalId, networkContributorRoleId)
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

@description('The resource ID of the private endpoint subnet.')
output privateEndpointsSubnetResourceId string = virtualNetwork::privateEndpointsSubnet.id
