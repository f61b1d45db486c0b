metadata description = 'The AKS cluster: Standard tier, Entra ID with Azure RBAC and no local accounts, Azure CNI Overlay with a network policy engine, egress through the NAT gateway; the system pool inline, every user pool as its own agentPools resource.'

import { agentPoolType, maintenanceWindowType } from 'types.bicep'

@description('Required. Name of the cluster.')
param name string

@description('Required. Location of the cluster.')
param location string

@description('Required. Tags of the cluster and its pools.')
param tags object

@description('Required. Kubernetes version (minor, e.g. 1.33; patches come from the upgrade channel).')
param kubernetesVersion string

@description('Required. Pricing tier; Standard carries the financially backed API server SLA.')
@allowed([
  'Free'
  'Standard'
  'Premium'
])
param skuTier string

@description('Required. Name of the resource group AKS creates for the node resources.')
param nodeResourceGroup string

@description('Required. Entra ID tenant of the cluster users.')
param aadProfileTenantId string

@description('Required. Resource ID of the user-assigned control-plane identity.')
param controlPlaneIdentityResourceId string

@description('Required. Resource ID of the user-assigned kubelet identity.')
param kubeletIdentityResourceId string

@description('Required. Client ID of the kubelet identity.')
param kubeletIdentityClientId string

@description('Required. Principal (object) ID of the kubelet identity.')
param kubeletIdentityPrincipalId string

@description('Required. The system pool: runs cluster add-ons only.')
param primaryAgentPoolProfile agentPoolType

@description('Required. The user pools, one per workload class.')
param agentPools agentPoolType[]

@description('Required. Resource ID of the system node subnet.')
param systemNodesSubnetResourceId string

@description('Required. Resource ID of the user node subnet.')
param userNodesSubnetResourceId string

@description('Required. Network policy engine.')
@allowed([
  'calico'
  'azure'
])
param networkPolicy string

@description('Required. Pod range of Azure CNI Overlay.')
param podCidr string

@description('Required. Kubernetes service range.')
param serviceCidr string

@description('Required. Cluster DNS service IP, inside the service range.')
param dnsServiceIP string

@description('Required. Private cluster: the API server gets a private endpoint and no public address.')
param enablePrivateCluster bool

@description('Required. Private DNS zone of a private API server: `system` (AKS creates it) or the resource ID of an existing zone.')
param privateDnsZone string

@description('Required. Public ranges allowed to reach a public API server (ignored for a private cluster).')
param authorizedIPRanges string[]

@description('Required. The egress prefix of the NAT gateway; the nodes reach a public API server from it.')
param egressPublicIpPrefix string

@description('Required. Cluster auto-upgrade channel.')
@allowed([
  'patch'
  'stable'
  'rapid'
  'node-image'
  'none'
])
param autoUpgradeProfileUpgradeChannel string

@description('Required. Node OS upgrade channel.')
@allowed([
  'NodeImage'
  'SecurityPatch'
  'Unmanaged'
  'None'
])
param autoNodeOsUpgradeProfileUpgradeChannel string

@description('Required. Planned maintenance window for both upgrade channels.')
param maintenanceWindow maintenanceWindowType

@description('Required. Resource ID of the Log Analytics workspace of Container Insights.')
param monitoringWorkspaceResourceId string

@description('Required. Enable the application routing add-on (managed NGINX ingress).')
param webApplicationRoutingEnabled bool

@description('Optional. Poll interval of secret rotation of the Secrets Store CSI driver add-on; without it the add-on stays off.')
param secretsProviderRotationPollInterval string?

// The same window for both channels; a channel that is off gets no schedule.
var maintenanceConfigurationNames = concat(
  autoUpgradeProfileUpgradeChannel == 'none' ? [] : ['aksManagedAutoUpgradeSchedule'],
  contains(['None', 'Unmanaged'], autoNodeOsUpgradeProfileUpgradeChannel) ? [] : ['aksManagedNodeOSUpgradeSchedule']
)

resource managedCluster 'Microsoft.ContainerService/managedClusters@2026-05-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Base'
    tier: skuTier
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${controlPlaneIdentityResourceId}': {}
    }
  }
  properties: {
    kubernetesVersion: kubernetesVersion
    dnsPrefix: name
    nodeResourceGroup: nodeResourceGroup
    supportPlan: 'KubernetesOfficial'
    enableRBAC: true
    // Entra ID for authentication, Azure RBAC for authorization, and no certificate-based local
    // accounts that would bypass both.
    aadProfile: {
      managed: true
      enableAzureRBAC: true
      tenantID: aadProfileTenantId
    }
    disableLocalAccounts: true
    identityProfile: {
      kubeletidentity: {
        resourceId: kubeletIdentityResourceId
        clientId: kubeletIdentityClientId
        objectId: kubeletIdentityPrincipalId
      }
    }
    oidcIssuerProfile: {
      enabled: true
    }
    securityProfile: {
      workloadIdentity: {
        enabled: true
      }
    }
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      networkDataplane: 'azure'
      networkPolicy: networkPolicy
      podCidr: podCidr
      serviceCidr: serviceCidr
      dnsServiceIP: dnsServiceIP
      // The node subnets carry the NAT gateway; AKS must not create its own outbound path.
      outboundType: 'userAssignedNATGateway'
      loadBalancerSku: 'standard'
    }
    apiServerAccessProfile: {
      enablePrivateCluster: enablePrivateCluster
      privateDNSZone: enablePrivateCluster ? privateDnsZone : null
      enablePrivateClusterPublicFQDN: enablePrivateCluster ? false : null
      // Nodes reach a public API server from the NAT gateway's prefix, so it is always allowed.
      authorizedIPRanges: enablePrivateCluster ? null : union(authorizedIPRanges, [egressPublicIpPrefix])
    }
    autoUpgradeProfile: {
      upgradeChannel: autoUpgradeProfileUpgradeChannel
      nodeOSUpgradeChannel: autoNodeOsUpgradeProfileUpgradeChannel
    }
    addonProfiles: union(
      {
        omsagent: {
          enabled: true
          config: {
            logAnalyticsWorkspaceResourceID: monitoringWorkspaceResourceId
            useAADAuth: 'true'
          }
        }
      },
      // The Azure Key Vault provider for the Secrets Store CSI driver, with rotation: mounts (and
      // synced Secrets) follow new secret versions every poll interval
      // (https://learn.microsoft.com/azure/aks/csi-secrets-store-driver,
      // https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options).
      empty(secretsProviderRotationPollInterval ?? '')
        ? {}
        : {
            azureKeyvaultSecretsProvider: {
              enabled: true
              config: {
                enableSecretRotation: 'true'
                rotationPollInterval: secretsProviderRotationPollInterval
              }
            }
          }
    )
    // The add-on's default controller would take a dynamic public IP: none is created, and the
    // kit's GitOps tree declares the controllers instead (NginxIngressController nginx-public on the
    // fixed public IP, nginx-internal on the ingress subnet), which the NSG rules admit
    // (https://learn.microsoft.com/azure/aks/app-routing-nginx-configuration).
    ingressProfile: {
      webAppRouting: {
        enabled: webApplicationRoutingEnabled
        nginx: webApplicationRoutingEnabled
          ? {
              defaultIngressControllerType: 'None'
            }
          : null
      }
    }
    // Only the system pool is inline: AKS needs one at creation, and pools listed here are replaced
    // with the cluster on every update. User pools are separate agentPools resources below.
    agentPoolProfiles: [
      {
        name: primaryAgentPoolProfile.name
        mode: 'System'
        type: 'VirtualMachineScaleSets'
        osType: 'Linux'
        osSKU: primaryAgentPoolProfile.osSku
        vmSize: primaryAgentPoolProfile.vmSize
        osDiskType: primaryAgentPoolProfile.osDiskType
        osDiskSizeGB: primaryAgentPoolProfile.osDiskSizeGB
        maxPods: primaryAgentPoolProfile.maxPods
        availabilityZones: primaryAgentPoolProfile.availabilityZones
        // count is always sent: AKS rejects an autoscaled pool without it, and on an existing
        // autoscaled pool it keeps the autoscaler's size (docs/decisions/0104).
        count: primaryAgentPoolProfile.count
        enableAutoScaling: true
        minCount: primaryAgentPoolProfile.minCount
        maxCount: primaryAgentPoolProfile.maxCount
        nodeLabels: primaryAgentPoolProfile.nodeLabels
        nodeTaints: primaryAgentPoolProfile.nodeTaints
        upgradeSettings: primaryAgentPoolProfile.upgradeSettings
        orchestratorVersion: kubernetesVersion
        vnetSubnetID: systemNodesSubnetResourceId
        tags: tags
      }
    ]
  }
}

// One pool at a time: AKS rejects concurrent operations on the agent pools of one cluster.
@batchSize(1)
resource userAgentPools 'Microsoft.ContainerService/managedClusters/agentPools@2026-05-01' = [
  for pool in agentPools: {
    parent: managedCluster
    name: pool.name
    properties: {
      mode: 'User'
      type: 'VirtualMachineScaleSets'
      osType: 'Linux'
      osSKU: pool.osSku
      vmSize: pool.vmSize
      osDiskType: pool.osDiskType
      osDiskSizeGB: pool.osDiskSizeGB
      maxPods: pool.maxPods
      availabilityZones: pool.availabilityZones
      count: pool.count
      enableAutoScaling: true
      minCount: pool.minCount
      maxCount: pool.maxCount
      nodeLabels: pool.nodeLabels
      nodeTaints: pool.nodeTaints
      upgradeSettings: pool.upgradeSettings
      orchestratorVersion: kubernetesVersion
      vnetSubnetID: userNodesSubnetResourceId
      tags: tags
    }
  }
]

resource maintenanceConfigurations 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations@2026-05-01' = [
  for configurationName in maintenanceConfigurationNames: {
    parent: managedCluster
    name: configurationName
    properties: {
      maintenanceWindow: {
        schedule: {
          weekly: {
            intervalWeeks: 1
            dayOfWeek: maintenanceWindow.dayOfWeek
          }
        }
        durationHours: maintenanceWindow.durationHours
        utcOffset: maintenanceWindow.utcOffset
        startTime: maintenanceWindow.startTime
      }
    }
    // After the pools: AKS serialises operations on one cluster.
    dependsOn: [
      userAgentPools
    ]
  }
]

@description('The name of the cluster.')
output name string = managedCluster.name

@description('The resource ID of the cluster.')
output resourceId string = managedCluster.id

@description('The FQDN of the API server (private FQDN for a private cluster).')
output controlPlaneFqdn string = enablePrivateCluster ? managedCluster.properties.privateFQDN : managedCluster.properties.fqdn

@description('The OIDC issuer URL, for workload identity federation.')
output oidcIssuerUrl string = managedCluster.properties.oidcIssuerProfile.issuerURL

@description('The names of all agent pools, system pool first.')
output agentPoolNames string[] = concat([primaryAgentPoolProfile.name], map(agentPools, pool => pool.name))
