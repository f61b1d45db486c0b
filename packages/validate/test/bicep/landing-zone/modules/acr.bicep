// Premium container registry with geo-replicas, reachable through a private endpoint.
param location string

@minLength(5)
@maxLength(50)
param registryName string

param replicaLocations array = []
param privateEndpointSubnetId string
param vnetId string
param tags object = {}

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: registryName
  location: location
  tags: tags
  sku: {
    name: 'Premium'
  }
  properties: {
    adminUserEnabled: false
    publicNetworkAccess: 'Disabled'
    networkRuleBypassOptions: 'AzureServices'
    zoneRedundancy: 'Enabled'
    dataEndpointEnabled: true
    policies: {
      retentionPolicy: {
        days: 14
        status: 'enabled'
      }
    }
  }
}

resource replicas 'Microsoft.ContainerRegistry/registries/replications@2025-11-01' = [for replicaLocation in replicaLocations: if (replicaLocation != location) {
  parent: registry
  name: replicaLocation
  location: replicaLocation
  tags: tags
  properties: {
    regionEndpointEnabled: true
    zoneRedundancy: 'Enabled'
  }
}]

resource acrDns 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.azurecr.io'
  location: 'global'
  tags: tags

  resource link 'virtualNetworkLinks' = {
    name: 'hub-link'
    location: 'global'
    properties: {
      virtualNetwork: {
        id: vnetId
      }
      registrationEnabled: false
    }
  }
}

resource registryPe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: '${registryName}-pe'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'registry'
        properties: {
          privateLinkServiceId: registry.id
          groupIds: [
            'registry'
          ]
        }
      }
    ]
  }
}

resource registryPeDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: registryPe
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'azurecr'
        properties: {
          privateDnsZoneId: acrDns.id
        }
      }
    ]
  }
}

output registryName string = registry.name
output registryId string = registry.id
output loginServer string = registry.properties.loginServer
