metadata description = 'Azure Container Registry: Premium, zone-redundant, geo-replicated, admin user and anonymous pull off; the kubelets pull with their identity.'

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

@description('Required. Resource ID of the kubelet identity; names its role assignment, so the name is known before the deployment starts.')
param kubeletIdentityResourceId string

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

resource kubeletAcrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  // Seeded with the identity's resource ID (what-if-short-circuiting); the principal ID is a property.
  name: guid(registry.id, kubeletIdentityResourceId, acrPullRoleId)
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

