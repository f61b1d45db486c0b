metadata description = 'Azure Container Registry: Premium, zone-redundant, geo-replicated, reachable through a private endpoint; the kubelets pull with their identity.'

@description('Required. Globally unique name of the registry.')
param name string

@description('Required. Regions of the geo-replicas (each zone-redundant).')
param replicationLocations string[]

@description('Required. Public network access of the registry.')
@allowed([
  'Disabled'
  'Enabled'
])
param publicNetworkAccess string

@description('Required. Create a private endpoint and the private DNS zone for it.')
param privateEndpointEnabled bool

@description('Required. Name of the private endpoint.')
param privateEndpointName string

@description('Required. Resource ID of the subnet of the private endpoint.')
param privateEndpointSubnetResourceId string

@description('Required. Name of the virtual network the private DNS zone is linked to.')
param virtualNetworkName string

@description('Required. Resource ID of that virtual network.')
param virtualNetworkResourceId string

@description('Required. Principal ID of the kubelet identity, which pulls the images.')
param kubeletPrincipalId string

@description('Required. Location of the registry (its home region).')
param location string

@description('Required. Tags of the resources.')
param tags object

var acrPullRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '7f951dda-4ed3-4680-a7ca-43fe172d538d'
)
// privatelink.azurecr.io in the public cloud; derived so the module works in every cloud.
var privateDnsZoneName = 'privatelink${environment().suffixes.acrLoginServer}'

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Premium'
  }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
    zoneRedundancy: 'Enabled'
    publicNetworkAccess: publicNetworkAccess
    networkRuleBypassOptions: 'AzureServices'
  }
}

resource replications 'Microsoft.ContainerRegistry/registries/replications@2025-11-01' = [
  for replicationLocation in replicationLocations: {
    parent: registry
    name: replicationLocation
    location: replicationLocation
    tags: tags
    properties: {
      zoneRedundancy: 'Enabled'
      regionEndpointEnabled: true
    }
  }
]

resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = if (privateEndpointEnabled) {
  name: privateDnsZoneName
  location: 'global'
  tags: tags
}

resource privateDnsZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = if (privateEndpointEnabled) {
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

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2025-09-01' = if (privateEndpointEnabled) {
  name: privateEndpointName
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnetResourceId
    }
    privateLinkServiceConnections: [
      {
        name: privateEndpointName
        properties: {
          privateLinkServiceId: registry.id
          groupIds: [
            'registry'
          ]
        }
      }
    ]
  }
  // The endpoint carries a data endpoint per replica region: create it once they exist.
  dependsOn: [
    replications
  ]
}

resource privateDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = if (privateEndpointEnabled) {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'registry'
        properties: {
          privateDnsZoneId: privateDnsZone.id
        }
      }
    ]
  }
}

resource kubeletAcrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, kubeletPrincipalId, acrPullRoleId)
  scope: registry
  properties: {
    roleDefinitionId: acrPullRoleId
    principalId: kubeletPrincipalId
    principalType: 'ServicePrincipal'
    description: 'The kubelets pull images with their identity; the admin user stays off.'
  }
}

@description('The resource ID of the registry.')
output resourceId string = registry.id

@description('The login server of the registry.')
output loginServer string = registry.properties.loginServer
