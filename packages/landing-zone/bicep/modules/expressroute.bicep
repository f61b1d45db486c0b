metadata description = 'ExpressRoute, the primary path to on-premises: a zone-redundant gateway in GatewaySubnet and its connection to the circuit.'

@description('Required. Name of the ExpressRoute gateway.')
param gatewayName string

@description('Required. Name of the connection to the circuit.')
param connectionName string

@description('Required. Zone-redundant gateway SKU.')
@allowed([
  'ErGw1AZ'
  'ErGw2AZ'
  'ErGw3AZ'
])
param gatewaySkuName string

@description('Required. Resource ID of the ExpressRoute circuit.')
param expressRouteCircuitResourceId string

@description('Optional. Authorization key of the circuit, when it lives in another subscription. Passed from Key Vault, never stored.')
@secure()
param authorizationKey string = ''

@description('Required. Routing weight of the connection. It ranks this connection against other ExpressRoute connections of the gateway; it is not what makes ExpressRoute win over the VPN (Azure prefers ExpressRoute for equal prefixes).')
@minValue(0)
@maxValue(32000)
param routingWeight int

@description('Required. Resource ID of GatewaySubnet.')
param gatewaySubnetResourceId string

@description('Required. Availability zones of the gateway\'s public IP (zone-redundant gateway).')
param availabilityZones string[]

@description('Required. Location of the resources.')
param location string

@description('Required. Tags of the resources.')
param tags object

resource gatewayPublicIp 'Microsoft.Network/publicIPAddresses@2025-09-01' = {
  name: '${gatewayName}-pip'
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

resource gateway 'Microsoft.Network/virtualNetworkGateways@2025-09-01' = {
  name: gatewayName
  location: location
  tags: tags
  properties: {
    gatewayType: 'ExpressRoute'
    sku: {
      name: gatewaySkuName
      tier: gatewaySkuName
    }
    ipConfigurations: [
      {
        name: 'default'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: gatewaySubnetResourceId
          }
          publicIPAddress: {
            id: gatewayPublicIp.id
          }
        }
      }
    ]
  }
}

resource connection 'Microsoft.Network/connections@2025-09-01' = {
  name: connectionName
  location: location
  tags: tags
  properties: {
    connectionType: 'ExpressRoute'
    virtualNetworkGateway1: {
      id: gateway.id
      properties: {}
    }
    peer: {
      id: expressRouteCircuitResourceId
    }
    authorizationKey: empty(authorizationKey) ? null : authorizationKey
    routingWeight: routingWeight
  }
}

@description('The resource ID of the ExpressRoute gateway.')
output gatewayResourceId string = gateway.id

@description('The resource ID of the connection to the circuit.')
output connectionResourceId string = connection.id
