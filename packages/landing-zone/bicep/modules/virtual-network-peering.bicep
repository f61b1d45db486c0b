metadata description = 'One side of a virtual network peering. Deployed twice for a spoke: the hub side offers its gateways, the spoke side uses them.'

@description('Required. Name of the local virtual network (the one this side belongs to).')
param localVirtualNetworkName string

@description('Required. Resource ID of the remote virtual network.')
param remoteVirtualNetworkResourceId string

@description('Required. Name of the peering.')
param name string

@description('Required. Hub side: let the remote network use this network\'s ExpressRoute and VPN gateways.')
param allowGatewayTransit bool

@description('Required. Spoke side: reach on-premises through the remote network\'s gateways.')
param useRemoteGateways bool

resource localVirtualNetwork 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: localVirtualNetworkName
}

resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: localVirtualNetwork
  name: name
  properties: {
    remoteVirtualNetwork: {
      id: remoteVirtualNetworkResourceId
    }
    allowVirtualNetworkAccess: true
    // Traffic from on-premises enters the spoke through the hub's gateways.
    allowForwardedTraffic: true
    allowGatewayTransit: allowGatewayTransit
    useRemoteGateways: useRemoteGateways
  }
}

@description('The resource ID of the peering.')
output resourceId string = peering.id
