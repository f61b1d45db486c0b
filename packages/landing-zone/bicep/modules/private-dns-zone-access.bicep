metadata description = 'Private DNS Zone Contributor for the AKS control plane on an existing (central) private DNS zone, so that a private cluster can register its API server there.'

@description('Required. Name of the private DNS zone, in this deployment\'s resource group.')
param zoneName string

@description('Required. Resource ID of the control-plane identity; names the role assignment, so the name is known before the deployment starts.')
param principalIdentityResourceId string

@description('Required. Principal ID of the control-plane identity.')
param principalId string

// Private DNS Zone Contributor.
var privateDnsZoneContributorRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'b12aa53e-6015-4669-85d0-8515ebb3ae7f'
)

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {
  name: zoneName
}

resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(zone.id, principalIdentityResourceId, privateDnsZoneContributorRoleId)
  scope: zone
  properties: {
    roleDefinitionId: privateDnsZoneContributorRoleId
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'AKS registers the private API server in this central zone.'
  }
}
