// Fixture: a small hybrid AKS landing zone that must pass the offline Bicep checker.
targetScope = 'resourceGroup'

@description('Azure region for all resources.')
param location string = resourceGroup().location

@description('Short environment name used in resource names.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@minLength(2)
@maxLength(8)
param prefix string

param vnetAddressSpace string = '10.40.0.0/16'

param onPremGatewayIp string

param onPremAddressPrefixes array

param kubernetesVersion string = '1.32'

param adminGroupObjectIds string[] = []

param acrReplicaLocations array = [
  'northeurope'
]

param gitopsRepoUrl string

param keyVaultName string

param keyVaultResourceGroup string = resourceGroup().name

param aksSkuTier 'Free' | 'Standard' | 'Premium' = 'Standard'

var tags = {
  environment: environmentName
  workload: 'aks-hybrid'
  'cost-center': 'platform'
}

var baseName = '${prefix}-${environmentName}'

resource logs 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: '${baseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
    publicNetworkAccessForIngestion: 'Enabled'
  }
}

// The VPN pre-shared key lives in an existing Key Vault.
resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: keyVaultName
  scope: resourceGroup(keyVaultResourceGroup)
}

module network './modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    baseName: baseName
    addressSpace: vnetAddressSpace
    onPremGatewayIp: onPremGatewayIp
    onPremAddressPrefixes: onPremAddressPrefixes
    vpnSharedKey: kv.getSecret('vpn-shared-key')
    tags: tags
  }
}

module acr './modules/acr.bicep' = {
  name: 'acr'
  params: {
    location: location
    registryName: toLower(replace('${prefix}${environmentName}acr', '-', ''))
    replicaLocations: acrReplicaLocations
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    vnetId: network.outputs.vnetId
    tags: tags
  }
}

module aks './modules/aks.bicep' = {
  name: 'aks'
  params: {
    location: location
    clusterName: '${baseName}-aks'
    skuTier: aksSkuTier
    kubernetesVersion: kubernetesVersion
    nodeSubnetId: network.outputs.aksSubnetId
    logAnalyticsWorkspaceId: logs.id
    adminGroupObjectIds: adminGroupObjectIds
    registryName: acr.outputs.registryName
    gitopsRepoUrl: gitopsRepoUrl
    userPools: [
      {
        name: 'apps'
        vmSize: 'Standard_D8ds_v5'
        minCount: 2
        maxCount: 6
      }
      {
        name: 'batch'
        vmSize: 'Standard_E8ds_v5'
        minCount: 0
        maxCount: 4
      }
    ]
    tags: tags
  }
}

output clusterName string = aks.outputs.clusterName
output registryLoginServer string = acr.outputs.loginServer
output gatewayIds array = network.outputs.gatewayIds
output logAnalyticsWorkspaceId string = logs.id
