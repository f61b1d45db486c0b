metadata description = 'A Key Vault for team secrets: Azure RBAC authorization, purge protection and soft delete, no public network access, reached through a private endpoint in the private endpoint subnet.'

@description('Required. Name of the vault (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Days a deleted vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Required. Name of the vault\'s private endpoint.')
param privateEndpointName string

@description('Required. Resource ID of the private endpoint subnet.')
param subnetResourceId string

@description('Required. Resource ID of the privatelink.vaultcore.azure.net zone the endpoint registers in.')
param privateDnsZoneResourceId string

@description('Required. Location of the vault and its endpoint.')
param location string

@description('Required. Tags of the resources.')
param tags object

// https://learn.microsoft.com/azure/key-vault/general/security-features: Azure RBAC instead of access
// policies, purge protection (a deleted vault or secret cannot be purged before its retention ends),
// and the vault reachable only through its private endpoint.
resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
    }
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
  }
}

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: privateEndpointName
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetResourceId
    }
    privateLinkServiceConnections: [
      {
        name: privateEndpointName
        properties: {
          privateLinkServiceId: vault.id
          groupIds: [
            'vault'
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
        name: 'vault'
        properties: {
          privateDnsZoneId: privateDnsZoneResourceId
        }
      }
    ]
  }
}

@description('The resource ID of the vault.')
output resourceId string = vault.id

@description('The URI of the vault, for the SecretProviderClass.')
output uri string = vault.properties.vaultUri
