// AKS cluster with a system pool, user pools from a list, AcrPull for the kubelet
// identity, and Flux (extension + fluxConfigurations) pointing at the GitOps repo.
param location string
param clusterName string
param skuTier string = 'Standard'
param kubernetesVersion string
param nodeSubnetId string
param logAnalyticsWorkspaceId string
param adminGroupObjectIds string[]
param registryName string
param gitopsRepoUrl string
param gitopsBranch string = 'main'

@description('User node pools: name, vmSize, minCount, maxCount.')
param userPools array = []

param tags object = {}

var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource controlPlaneIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${clusterName}-cp-id'
  location: location
  tags: tags
}

resource kubeletIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${clusterName}-kubelet-id'
  location: location
  tags: tags
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' existing = {
  name: registryName
}

resource aks 'Microsoft.ContainerService/managedClusters@2026-05-01' = {
  name: clusterName
  location: location
  tags: tags
  sku: {
    name: 'Base'
    tier: skuTier
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${controlPlaneIdentity.id}': {}
    }
  }
  properties: {
    kubernetesVersion: kubernetesVersion
    dnsPrefix: clusterName
    enableRBAC: true
    disableLocalAccounts: true
    nodeResourceGroup: '${resourceGroup().name}-${clusterName}-nodes'
    aadProfile: {
      managed: true
      enableAzureRBAC: true
      adminGroupObjectIDs: adminGroupObjectIds
    }
    apiServerAccessProfile: {
      enablePrivateCluster: true
      privateDNSZone: 'system'
    }
    identityProfile: {
      kubeletidentity: {
        resourceId: kubeletIdentity.id
        clientId: kubeletIdentity.properties.clientId
        objectId: kubeletIdentity.properties.principalId
      }
    }
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 3
        vmSize: 'Standard_D4ds_v5'
        osType: 'Linux'
        osSKU: 'AzureLinux'
        type: 'VirtualMachineScaleSets'
        availabilityZones: [
          '1'
          '2'
          '3'
        ]
        vnetSubnetID: nodeSubnetId
        enableAutoScaling: false
        maxPods: 50
        nodeTaints: [
          'CriticalAddonsOnly=true:NoSchedule'
        ]
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      networkDataplane: 'cilium'
      networkPolicy: 'cilium'
      podCidr: '192.168.128.0/17'
      serviceCidr: '172.16.0.0/16'
      dnsServiceIP: '172.16.0.10'
      outboundType: 'userAssignedNATGateway'
    }
    oidcIssuerProfile: {
      enabled: true
    }
    securityProfile: {
      workloadIdentity: {
        enabled: true
      }
    }
    autoUpgradeProfile: {
      upgradeChannel: 'patch'
      nodeOSUpgradeChannel: 'NodeImage'
    }
    addonProfiles: {
      omsagent: {
        enabled: true
        config: {
          logAnalyticsWorkspaceResourceID: logAnalyticsWorkspaceId
        }
      }
      azureKeyvaultSecretsProvider: {
        enabled: true
        config: {
          enableSecretRotation: 'true'
        }
      }
    }
  }
}

resource pools 'Microsoft.ContainerService/managedClusters/agentPools@2026-05-01' = [for pool in userPools: {
  parent: aks
  name: pool.name
  properties: {
    mode: 'User'
    vmSize: pool.vmSize
    osType: 'Linux'
    osSKU: 'AzureLinux'
    enableAutoScaling: true
    minCount: pool.minCount
    maxCount: pool.maxCount
    vnetSubnetID: nodeSubnetId
    availabilityZones: [
      '1'
      '2'
      '3'
    ]
    upgradeSettings: {
      maxSurge: '33%'
    }
    nodeLabels: {
      'kit.aks-hybrid.io/pool': pool.name
    }
  }
}]

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, kubeletIdentity.id, acrPullRoleId)
  scope: registry
  properties: {
    principalId: kubeletIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRoleId)
  }
}

resource flux 'Microsoft.KubernetesConfiguration/extensions@2025-03-01' = {
  name: 'flux'
  scope: aks
  properties: {
    extensionType: 'microsoft.flux'
    autoUpgradeMinorVersion: true
    releaseTrain: 'Stable'
    configurationSettings: {
      'multiTenancy.enforce': 'false'
    }
  }
}

resource gitops 'Microsoft.KubernetesConfiguration/fluxConfigurations@2025-04-01' = {
  name: 'platform'
  scope: aks
  properties: {
    scope: 'cluster'
    namespace: 'flux-system'
    sourceKind: 'GitRepository'
    suspend: false
    gitRepository: {
      url: gitopsRepoUrl
      timeoutInSeconds: 600
      syncIntervalInSeconds: 300
      repositoryRef: {
        branch: gitopsBranch
      }
    }
    kustomizations: {
      infra: {
        path: './clusters/prod/infrastructure'
        prune: true
        syncIntervalInSeconds: 600
      }
      apps: {
        path: './clusters/prod/apps'
        dependsOn: [
          'infra'
        ]
        prune: true
      }
    }
  }
  dependsOn: [
    flux
  ]
}

output clusterName string = aks.name
output clusterId string = aks.id
output oidcIssuerUrl string = aks.properties.oidcIssuerProfile.issuerURL
