metadata description = 'The private endpoint of the container registry in the private endpoint subnet, registered in the privatelink.azurecr.io zone: a zone this deployment creates and links to the VNet, or an existing central zone (Azure Landing Zone style).'

@description('Required. Name of the private endpoint.')
param name string

@description('Required. Resource ID of the registry.')
param registryResourceId string

@description('Required. Resource ID of the private endpoint subnet.')
param subnetResourceId string

@description('Required. Name of the virtual network a zone created here is linked to.')
param virtualNetworkName string

@description('Required. Resource ID of that virtual network.')
param virtualNetworkResourceId string

@description('Optional. Resource ID of an existing privatelink.azurecr.io zone (e.g. the central zone of an Azure Landing Zone); without it this deployment creates and links its own.')
param privateDnsZoneResourceId string?

@description('Required. Location of the private endpoint.')
param location string

@description('Required. Tags of the resources.')
param tags object

// privatelink.azurecr.io in the public cloud; derived so the module works in every cloud.
var privateDnsZoneName = 'privatelink${environment().suffixes.acrLoginServer}'
var createZone = empty(privateDnsZoneResourceId ?? '')

resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = if (createZone) {
  name: privateDnsZoneName
  location: 'global'
  tags: tags
}

resource privateDnsZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = if (createZone) {
  parent: privateDnsZone
  name: 'link-${virtualNetworkName}'
  location: 'global'
  tags: tags
  properties: {
    virtualNetwork: {
      id: virtualNetworkResourceId
    }
    registrationEnabled: false
  }
}

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetResourceId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: registryResourceId
          groupIds: [
            'registry'
          ]
        }
      }
    ]
  }
}

resource privateDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'registry'
        properties: {
          privateDnsZoneId: createZone ? privateDnsZone.id : privateDnsZoneResourceId!
        }
      }
    ]
  }
}

@description('The resource ID of the private endpoint.')
output resourceId string = privateEndpoint.id
