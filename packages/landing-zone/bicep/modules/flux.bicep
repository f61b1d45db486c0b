metadata description = 'GitOps: the AKS Flux extension and the Flux configuration that reconciles this repository\'s entry folder for the cluster.'

import { fluxKustomizationType } from 'types.bicep'

@description('Required. Name of the cluster.')
param clusterName string

@description('Required. Name of the Flux configuration (and of the GitRepository source it creates).')
param configurationName string

@description('Required. Namespace of the Flux configuration, its source and its Kustomizations.')
param namespace string

@description('Required. URL of this repository.')
param gitRepositoryUrl string

@description('Required. Branch Flux follows.')
param branch string

@description('Required. The Kustomizations, by name; dependsOn orders them (infrastructure before tenants).')
param kustomizations {
  *: fluxKustomizationType
}

resource managedCluster 'Microsoft.ContainerService/managedClusters@2026-05-01' existing = {
  name: clusterName
}

resource fluxExtension 'Microsoft.KubernetesConfiguration/extensions@2025-03-01' = {
  name: 'flux'
  scope: managedCluster
  properties: {
    extensionType: 'microsoft.flux'
    autoUpgradeMinorVersion: true
    releaseTrain: 'Stable'
    scope: {
      cluster: {
        releaseNamespace: 'flux-system'
      }
    }
    configurationSettings: {
      // Lockdown: Kustomizations may only use sources in their own namespace.
      'multiTenancy.enforce': 'true'
      'image-automation-controller.enabled': 'false'
      'image-reflector-controller.enabled': 'false'
    }
  }
}

// The configuration needs the extension's controllers and CRDs, and extension operations on one
// cluster must not run in parallel: every later extension chains on the previous one the same way.
resource fluxConfiguration 'Microsoft.KubernetesConfiguration/fluxConfigurations@2025-04-01' = {
  name: configurationName
  scope: managedCluster
  properties: {
    scope: 'cluster'
    namespace: namespace
    sourceKind: 'GitRepository'
    suspend: false
    gitRepository: {
      url: gitRepositoryUrl
      repositoryRef: {
        branch: branch
      }
      syncIntervalInSeconds: 120
      timeoutInSeconds: 600
    }
    kustomizations: kustomizations
    waitForReconciliation: false
  }
  dependsOn: [
    fluxExtension
  ]
}

@description('The resource ID of the Flux configuration.')
output configurationResourceId string = fluxConfiguration.id
