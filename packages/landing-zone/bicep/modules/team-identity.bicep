metadata description = 'A team\'s user-assigned managed identity (Microsoft Entra Workload ID): one federated credential per ServiceAccount of the team namespace, and Key Vault Secrets User on the vault the team reads.'

import { teamIdentityType } from 'types.bicep'

@description('Required. The team identity.')
param identity teamIdentityType

@description('Required. OIDC issuer URL of the cluster.')
param oidcIssuerUrl string

@description('Required. Location of the identity.')
param location string

@description('Required. Tags of the identity.')
param tags object

// Key Vault Secrets User: read secret contents, nothing else
// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security#key-vault-secrets-user).
var keyVaultSecretsUserRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4633458b-17de-408a-b874-0445c86b69e6'
)

resource managedIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identity.name
  location: location
  tags: tags
}

// The subject pins namespace and ServiceAccount; the audience is the one the AKS webhook requests
// (https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster).
// One at a time: concurrent writes of credentials on one identity fail with 409 Conflict
// (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations#concurrent-updates-arent-supported-user-assigned-managed-identities).
@batchSize(1)
resource federatedCredentials 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2024-11-30' = [
  for serviceAccount in identity.serviceAccounts: {
    parent: managedIdentity
    name: 'fic-${serviceAccount}'
    properties: {
      issuer: oidcIssuerUrl
      subject: 'system:serviceaccount:${identity.namespace}:${serviceAccount}'
      audiences: [
        'api://AzureADTokenExchange'
      ]
    }
  }
]

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = if (!empty(identity.?keyVaultName ?? '')) {
  name: identity.?keyVaultName ?? 'none'
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(identity.?keyVaultName ?? '')) {
  name: guid(vault.id, managedIdentity.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUserRoleId
    principalId: managedIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'Team ${identity.namespace} reads the secrets of this vault through the Secrets Store CSI driver.'
  }
}

@description('The client ID of the identity: the ServiceAccounts\' azure.workload.identity/client-id annotation.')
output clientId string = managedIdentity.properties.clientId

@description('The resource ID of the identity.')
output resourceId string = managedIdentity.id
