metadata description = 'User-assigned identities of the AKS control plane and of the kubelets.'

@description('Required. Name of the control-plane identity.')
param controlPlaneIdentityName string

@description('Required. Name of the kubelet identity.')
param kubeletIdentityName string

@description('Required. Location of the identities.')
param location string

@description('Required. Tags of the identities.')
param tags object

// Managed Identity Operator: AKS needs it on the kubelet identity to assign it to the node VMs.
var managedIdentityOperatorRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'f1a07417-d97a-45cb-824c-7a7467783830'
)

resource controlPlaneIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: controlPlaneIdentityName
  location: location
  tags: tags
}

resource kubeletIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: kubeletIdentityName
  location: location
  tags: tags
}

resource kubeletIdentityOperator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(kubeletIdentity.id, controlPlaneIdentity.id, managedIdentityOperatorRoleId)
  scope: kubeletIdentity
  properties: {
    roleDefinitionId: managedIdentityOperatorRoleId
    principalId: controlPlaneIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'AKS control plane assigns the kubelet identity to the nodes.'
  }
}

@description('The resource ID of the control-plane identity.')
output controlPlaneIdentityResourceId string = controlPlaneIdentity.id

@description('The principal (object) ID of the control-plane identity.')
output controlPlaneIdentityPrincipalId string = controlPlaneIdentity.properties.principalId

@description('The resource ID of the kubelet identity.')
output kubeletIdentityResourceId string = kubeletIdentity.id

@description('The client ID of the kubelet identity.')
output kubeletIdentityClientId string = kubeletIdentity.properties.clientId

@description('The principal (object) ID of the kubelet identity.')
output kubeletIdentityPrincipalId string = kubeletIdentity.properties.principalId
