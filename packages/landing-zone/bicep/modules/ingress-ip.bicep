metadata description = 'The fixed public ingress address: a static, zone-redundant Standard public IP that the public ingress controller\'s load balancer binds by name (service.beta.kubernetes.io/azure-pip-name), and the right of the AKS control plane to bind it.'

@description('Required. Name of the public IP.')
param name string

@description('Required. Resource ID of the AKS control-plane identity; names the role assignment, so the name is known before the deployment starts.')
param controlPlaneIdentityResourceId string

@description('Required. Principal ID of the AKS control-plane identity; it attaches the ingress load balancer to the IP.')
param controlPlanePrincipalId string

@description('Required. Availability zones the address is served from.')
param availabilityZones string[]

@description('Required. Location of the address.')
param location string

@description('Required. Tags of the address.')
param tags object

var networkContributorRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4d97b98b-1d4f-4787-a291-c67834d212e7'
)

resource publicIp 'Microsoft.Network/publicIPAddresses@2025-09-01' = {
  name: name
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
    idleTimeoutInMinutes: 4
  }
}

// The name is seeded with the identity's resource ID, not its principal ID: a name known before the
// deployment starts keeps what-if precise (linter rule what-if-short-circuiting).
resource controlPlaneNetworkContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(publicIp.id, controlPlaneIdentityResourceId, networkContributorRoleId)
  scope: publicIp
  properties: {
    roleDefinitionId: networkContributorRoleId
    principalId: controlPlanePrincipalId
    principalType: 'ServicePrincipal'
    description: 'AKS binds the public ingress load balancer frontend to this static IP.'
  }
}

@description('The static ingress IP address.')
output ipAddress string = publicIp.properties.ipAddress

@description('The resource ID of the ingress public IP.')
output resourceId string = publicIp.id
