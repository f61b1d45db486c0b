using './main.bicep'

param environmentName = 'prod'
param prefix = 'contoso'
param onPremGatewayIp = '203.0.113.10'
param onPremAddressPrefixes = [
  '192.168.0.0/16'
]
param adminGroupObjectIds = [
  '00000000-0000-0000-0000-000000000001'
]
param acrReplicaLocations = [
  'northeurope'
  'swedencentral'
]
param gitopsRepoUrl = 'https://github.com/contoso/platform-gitops'
param keyVaultName = 'kv-contoso-shared'
param aksSkuTier = 'Standard'
