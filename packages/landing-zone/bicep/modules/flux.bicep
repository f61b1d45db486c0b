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
    // Multi-tenant lockdown, stated even though it is the extension's default, so that a change of
    // default or a hand edit shows in review (docs/decisions/0106). With it the controllers run with
    // --no-cross-namespace-refs (a Kustomization may use only sources in its own namespace) and
    // --default-service-account=flux-applier (a Kustomization that names no service account is
    // applied as flux-applier of its own namespace). fluxconfig-controller creates flux-applier in the
    // configuration's namespace, with full rights for scope 'cluster'; the kit's Kustomizations all
    // live there. https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2#multi-tenancy,
    // https://fluxcd.io/flux/installation/configuration/multitenancy/
    configurationSettings: {
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
    // 'cluster': flux-applier gets cluster-wide rights, which the platform Kustomizations need
    // (namespaces, CRDs, Calico). Tenants never get a Flux configuration of their own.
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
