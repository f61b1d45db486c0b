metadata description = 'The privatelink.vaultcore.azure.net zone of the Key Vault private endpoints, linked to the VNet.'

@description('Required. Name of the virtual network the zone is linked to.')
param virtualNetworkName string

@description('Required. Resource ID of that virtual network.')
param virtualNetworkResourceId string

@description('Required. Tags of the resources.')
param tags object

// The zone name of Key Vault private endpoints in the public cloud
// (https://learn.microsoft.com/azure/private-link/private-endpoint-dns#security).
resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
  tags: tags
}

resource privateDnsZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
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

@description('The resource ID of the zone.')
output resourceId string = privateDnsZone.id
