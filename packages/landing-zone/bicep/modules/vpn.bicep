metadata description = 'Site-to-site VPN, the failover path to on-premises: an active-active, zone-redundant VPN gateway with BGP next to the ExpressRoute gateway, the on-premises device and the connection to it.'

import { vpnPeerType } from 'types.bicep'

@description('Required. Name of the VPN gateway.')
param gatewayName string

@description('Required. Name of the site-to-site connection.')
param connectionName string

@description('Required. Name of the local network gateway that represents the on-premises device.')
param localNetworkGatewayName string

@description('Required. Zone-redundant gateway SKU.')
@allowed([
  'VpnGw1AZ'
  'VpnGw2AZ'
  'VpnGw3AZ'
  'VpnGw4AZ'
  'VpnGw5AZ'
])
param gatewaySkuName string

@description('Required. Active-active: two instances, two tunnels, no single instance on the failover path.')
param activeActive bool

@description('Required. BGP ASN of the Azure VPN gateway.')
param bgpAsn int

@description('Required. The on-premises VPN device.')
param peer vpnPeerType

@description('Required. IPsec pre-shared key. Passed from Key Vault, never stored.')
@secure()
param sharedKey string

@description('Optional. Routing weight of the connection. It ranks connections of the same kind only; the VPN is the failover path because Azure prefers ExpressRoute over site-to-site VPN for the same prefix, whatever the weights.')
param routingWeight int = 0

@description('Required. Resource ID of GatewaySubnet (shared with the ExpressRoute gateway).')
param gatewaySubnetResourceId string

@description('Required. Availability zones of the gateway\'s public IPs (zone-redundant gateway).')
param availabilityZones string[]

@description('Required. Location of the resources.')
param location string

@description('Required. Tags of the resources.')
param tags object

// One public IP per gateway instance.
var instanceNumbers = activeActive
  ? [
      1
      2
    ]
  : [
      1
    ]

resource gatewayPublicIps 'Microsoft.Network/publicIPAddresses@2025-09-01' = [
  for instance in instanceNumbers: {
    name: '${gatewayName}-pip-${instance}'
    location: location
    tags: tags
    sku: {
      name: 'Standard'
      tier: 'Regional'
    }
    zones: availabilityZones
    properties: {
      publicIPAllocationMethod: 'Static'
      publicIPAddressVersion: 'IPv4'
    }
  }
]

resource gateway 'Microsoft.Network/virtualNetworkGateways@2025-09-01' = {
  name: gatewayName
  location: location
  tags: tags
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    // VpnGw1AZ exists only in the first generation; the larger SKUs run on the second.
    vpnGatewayGeneration: gatewaySkuName == 'VpnGw1AZ' ? 'Generation1' : 'Generation2'
    sku: {
      name: gatewaySkuName
      tier: gatewaySkuName
    }
    activeActive: activeActive
    enableBgp: true
    bgpSettings: {
      asn: bgpAsn
    }
    ipConfigurations: [
      for (instance, i) in instanceNumbers: {
        name: 'ipconfig${instance}'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: gatewaySubnetResourceId
          }
          publicIPAddress: {
            id: gatewayPublicIps[i].id
          }
        }
      }
    ]
  }
}

resource localNetworkGateway 'Microsoft.Network/localNetworkGateways@2025-09-01' = {
  name: localNetworkGatewayName
  location: location
  tags: tags
  properties: {
    gatewayIpAddress: peer.gatewayIpAddress
    // With BGP the gateway needs a route to the peer's BGP address only: the on-premises ranges are
    // learned over BGP, which is what lets them fail over from ExpressRoute and back.
    localNetworkAddressSpace: {
      addressPrefixes: [
        '${peer.bgpPeeringAddress}/32'
      ]
    }
    bgpSettings: {
      asn: peer.bgpAsn
      bgpPeeringAddress: peer.bgpPeeringAddress
    }
  }
}

resource connection 'Microsoft.Network/connections@2025-09-01' = {
  name: connectionName
  location: location
  tags: tags
  properties: {
    connectionType: 'IPsec'
    connectionProtocol: 'IKEv2'
    virtualNetworkGateway1: {
      id: gateway.id
      properties: {}
    }
    localNetworkGateway2: {
      id: localNetworkGateway.id
      properties: {}
    }
    enableBgp: true
    sharedKey: sharedKey
    routingWeight: routingWeight
    dpdTimeoutSeconds: 45
    usePolicyBasedTrafficSelectors: false
  }
}

@description('The resource ID of the VPN gateway.')
output gatewayResourceId string = gateway.id

@description('The public IP addresses of the gateway instances; the on-premises device builds one tunnel to each.')
output publicIpAddresses string[] = [for (instance, i) in instanceNumbers: gatewayPublicIps[i].properties.ipAddress]

@description('The BGP peering addresses of the gateway instances (comma-separated when active-active), for the on-premises device.')
output bgpPeeringAddresses string = gateway.properties.bgpSettings.bgpPeeringAddress

@description('The BGP ASN of the Azure side, for the on-premises device.')
output bgpAsn int = bgpAsn
