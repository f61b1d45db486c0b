metadata name = 'AKS hybrid landing zone'
metadata description = 'Landing zone of one AKS cluster connected to on-premises: VNet (with ExpressRoute and VPN failover gateways, or as a spoke of a hub that holds them), fixed egress and ingress addresses, AKS, registry and GitOps. One template for every cluster; each cluster\'s values come from its main.bicepparam, rendered from apps/<cluster>/.'

targetScope = 'resourceGroup'

import {
  agentPoolType
  dnsForwardingRuleType
  expressRouteType
  fluxKustomizationType
  hubVirtualNetworkType
  keyVaultSettingsType
  keyVaultType
  maintenanceWindowType
  resourceNamesType
  subnetPrefixesType
  teamIdentityType
  vpnType
} from 'modules/types.bicep'

// ---------------------------------------------------------------------------------------------
// Where and what
// ---------------------------------------------------------------------------------------------

@description('Required. Cluster key (the folder under apps/); names the module deployments and the network security groups.')
@maxLength(24)
param clusterKey string

@description('Optional. Location of every resource.')
param location string = resourceGroup().location

@description('Required. Availability zones every zonal resource spans.')
param availabilityZones ('1' | '2' | '3')[]

@description('Required. Tags of every resource.')
param tags object

@description('Required. Resource names, derived from the cluster key by the kit.')
param names resourceNamesType

// ---------------------------------------------------------------------------------------------
// Network
// ---------------------------------------------------------------------------------------------

@description('Required. Address prefixes of the virtual network.')
param virtualNetworkAddressPrefixes string[]

@description('Required. DNS servers of the virtual network (e.g. the on-premises resolvers); empty for Azure DNS.')
param dnsServers string[]

@description('Required. Address prefixes of the subnets.')
param subnetPrefixes subnetPrefixesType

@description('Required. On-premises ranges: learned over BGP through the gateways and admitted by the NSGs; the same list the cluster\'s network policies allow.')
param onPremisesAddressPrefixes string[]

@description('Optional. Spoke topology: the hub virtual network whose ExpressRoute and VPN gateways this VNet uses through peering. Without it this VNet holds the gateways (expressRoute is then required).')
param hubVirtualNetwork hubVirtualNetworkType?

@description('Optional. Static address of the DNS Private Resolver inbound endpoint, inside subnetPrefixes.dnsResolverInbound; the resolver is deployed with it. On-premises DNS forwards privatelink.azurecr.io and the AKS private zone there.')
param dnsResolverInboundAddress string?

@description('Optional. On-premises zones the resolver forwards through its outbound endpoint (needs subnetPrefixes.dnsResolverOutbound).')
param dnsForwardingRules dnsForwardingRuleType[] = []

// ---------------------------------------------------------------------------------------------
// Hybrid connectivity (combined topology): ExpressRoute, and a site-to-site VPN as failover
// ---------------------------------------------------------------------------------------------

@description('Optional. ExpressRoute gateway and connection in this VNet. Required without hubVirtualNetwork.')
param expressRoute expressRouteType?

@description('Optional. Authorization key of the ExpressRoute circuit when it lives in another subscription. The parameter file passes it as a Key Vault reference (az.getSecret): it never appears in the repository or the deployment history.')
@secure()
param expressRouteAuthorizationKey string = ''

@description('Optional. Site-to-site VPN next to the ExpressRoute gateway, the failover path.')
param vpn vpnType?

@description('Optional. IPsec pre-shared key of the VPN connection; required with vpn. Passed as a Key Vault reference (az.getSecret) by the parameter file.')
@secure()
param vpnSharedKey string = ''

// ---------------------------------------------------------------------------------------------
// Fixed addresses
// ---------------------------------------------------------------------------------------------

@description('Required. Length of the egress public IP prefix.')
@minValue(28)
@maxValue(31)
param egressPublicIpPrefixLength int

@description('Required. TCP idle timeout of the NAT gateway in minutes.')
@minValue(4)
@maxValue(120)
param natGatewayIdleTimeoutInMinutes int

@description('Required. Create the static public ingress IP (and admit HTTP(S) to it from the allow-listed external ranges).')
param ingressPublicIpEnabled bool

@description('Required. Public sources admitted to the public ingress IP: the spec\'s external ranges, the same sets the in-cluster ingress guard admits. The cluster\'s own egress prefix is added here from the deployment (hairpin traffic).')
param publicIngressSourcePrefixes string[]

// ---------------------------------------------------------------------------------------------
// AKS (names as in Azure Verified Modules, avm/res/container-service/managed-cluster)
// ---------------------------------------------------------------------------------------------

@description('Required. Kubernetes version (minor; patches come from the upgrade channel).')
param kubernetesVersion string

@description('Required. AKS pricing tier.')
@allowed([
  'Free'
  'Standard'
  'Premium'
])
param skuTier string

@description('Required. Entra ID tenant of the cluster users.')
param aadProfileTenantId string

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

@description('Required. Cluster DNS service IP.')
param dnsServiceIP string

@description('Required. Private cluster (no public API server endpoint).')
param enablePrivateCluster bool

@description('Optional. Existing private DNS zone for a private API server (a central zone, Azure Landing Zone style); without it AKS creates its own (`system`).')
param apiServerPrivateDnsZoneResourceId string?

@description('Required. Public ranges allowed to reach a public API server; the egress prefix is added by the template.')
param authorizedIPRanges string[]

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

@description('Required. Planned maintenance window.')
param maintenanceWindow maintenanceWindowType

@description('Required. The system pool.')
param primaryAgentPoolProfile agentPoolType

@description('Required. The user pools, one per workload class.')
param agentPools agentPoolType[]

@description('Required. Enable the application routing add-on (managed NGINX ingress).')
param webApplicationRoutingEnabled bool

// ---------------------------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------------------------

@description('Required. Name of the container registry.')
param registryName string

@description('Required. Regions of the registry geo-replicas.')
param registryReplicationLocations string[]

@description('Required. Public network access of the registry.')
@allowed([
  'Disabled'
  'Enabled'
])
param registryPublicNetworkAccess string

@description('Required. Private endpoint for the registry.')
param registryPrivateEndpointEnabled bool

@description('Optional. Existing privatelink.azurecr.io zone to register the private endpoint in (a central zone, Azure Landing Zone style); without it the deployment creates one and links it to the VNet.')
param registryPrivateDnsZoneResourceId string?

// ---------------------------------------------------------------------------------------------
// Access and GitOps
// ---------------------------------------------------------------------------------------------

@description('Required. Entra groups that administer the cluster.')
param platformAdminGroupObjectIds string[]

@description('Required. Entra groups of the teams; they may fetch credentials, their rights come from GitOps RoleBindings.')
param clusterUserGroupObjectIds string[]

@description('Required. URL of this repository.')
param gitRepositoryUrl string

@description('Required. Branch Flux follows.')
param gitRepositoryBranch string

@description('Required. Name of the Flux configuration.')
param fluxConfigurationName string

@description('Required. Namespace of the Flux configuration and its Kustomizations.')
param fluxNamespace string

@description('Required. The Flux Kustomizations, by name, ordered by dependsOn.')
param fluxKustomizations {
  *: fluxKustomizationType
}

// ---------------------------------------------------------------------------------------------
// Team identities and secrets
// ---------------------------------------------------------------------------------------------

@description('Optional. One user-assigned identity per team that asks, federated with ServiceAccounts of its namespace (Microsoft Entra Workload ID).')
param teamIdentities teamIdentityType[] = []

@description('Optional. Key Vault settings; with them the cluster runs the Secrets Store CSI driver add-on with rotation.')
param keyVaultSettings keyVaultSettingsType?

@description('Optional. The Key Vaults for team secrets (one per team, or one shared); needs keyVaultSettings.')
param keyVaults keyVaultType[] = []

// Resource IDs known before the deployment starts: role assignment names are seeded with them, not
// with principal IDs that exist only at run time, so what-if can predict them
// (https://aka.ms/bicep/linter-diagnostics#what-if-short-circuiting).
var controlPlaneIdentityResourceId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', names.controlPlaneIdentity)
var kubeletIdentityResourceId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', names.kubeletIdentity)
var isSpoke = hubVirtualNetwork != null

module monitoring 'modules/monitoring.bicep' = {
  name: '${clusterKey}-monitoring'
  params: {
    name: names.logAnalyticsWorkspace
    location: location
    tags: tags
  }
}

module identities 'modules/identities.bicep' = {
  name: '${clusterKey}-identities'
  params: {
    controlPlaneIdentityName: names.controlPlaneIdentity
    kubeletIdentityName: names.kubeletIdentity
    location: location
    tags: tags
  }
}

module egress 'modules/egress.bicep' = {
  name: '${clusterKey}-egress'
  params: {
    natGatewayName: names.natGateway
    egressPublicIpPrefixName: names.egressPublicIpPrefix
    egressPublicIpPrefixLength: egressPublicIpPrefixLength
    idleTimeoutInMinutes: natGatewayIdleTimeoutInMinutes
    availabilityZones: availabilityZones
    location: location
    tags: tags
  }
}

module ingressIp 'modules/ingress-ip.bicep' = if (ingressPublicIpEnabled) {
  name: '${clusterKey}-ingress-ip'
  params: {
    name: names.ingressPublicIp
    controlPlaneIdentityResourceId: controlPlaneIdentityResourceId
    controlPlanePrincipalId: identities.outputs.controlPlaneIdentityPrincipalId
    availabilityZones: availabilityZones
    location: location
    tags: tags
  }
}

module network 'modules/network.bicep' = {
  name: '${clusterKey}-network'
  params: {
    virtualNetworkName: names.virtualNetwork
    addressPrefixes: virtualNetworkAddressPrefixes
    dnsServers: dnsServers
    subnetPrefixes: subnetPrefixes
    onPremisesAddressPrefixes: onPremisesAddressPrefixes
    ingressSubnetName: names.ingressSubnet
    networkSecurityGroupNamePrefix: 'nsg-${clusterKey}'
    routeTableName: names.routeTable
    natGatewayResourceId: egress.outputs.natGatewayResourceId
    ingressPublicIpEnabled: ingressPublicIpEnabled
    ingressPublicIpAddress: ingressIp.?outputs.?ipAddress ?? ''
    publicIngressSourcePrefixes: concat(publicIngressSourcePrefixes, [egress.outputs.egressPublicIpPrefix])
    controlPlaneIdentityResourceId: controlPlaneIdentityResourceId
    controlPlanePrincipalId: identities.outputs.controlPlaneIdentityPrincipalId
    location: location
    tags: tags
  }
}

module expressRouteGateway 'modules/expressroute.bicep' = if (!isSpoke && expressRoute != null) {
  name: '${clusterKey}-expressroute'
  params: {
    gatewayName: names.expressRouteGateway
    connectionName: names.expressRouteConnection
    gatewaySkuName: expressRoute.?gatewaySkuName ?? 'ErGw1AZ'
    expressRouteCircuitResourceId: expressRoute.?circuitResourceId ?? ''
    authorizationKey: expressRouteAuthorizationKey
    routingWeight: expressRoute.?routingWeight ?? 0
    gatewaySubnetResourceId: network.outputs.gatewaySubnetResourceId
    availabilityZones: availabilityZones
    location: location
    tags: tags
  }
}

module vpnGateway 'modules/vpn.bicep' = if (!isSpoke && vpn != null) {
  name: '${clusterKey}-vpn'
  params: {
    gatewayName: names.vpnGateway
    connectionName: names.vpnConnection
    localNetworkGatewayName: names.localNetworkGateway
    gatewaySkuName: vpn.?gatewaySkuName ?? 'VpnGw1AZ'
    activeActive: vpn.?activeActive ?? false
    bgpAsn: vpn.?bgpAsn ?? 65515
    peer: vpn.?peer ?? {
      gatewayIpAddress: ''
      bgpAsn: 0
      bgpPeeringAddress: ''
    }
    sharedKey: vpnSharedKey
    gatewaySubnetResourceId: network.outputs.gatewaySubnetResourceId
    availabilityZones: availabilityZones
    location: location
    tags: tags
  }
  // Gateways in one GatewaySubnet are built one after the other: ExpressRoute, the primary path,
  // first.
  dependsOn: [
    expressRouteGateway
  ]
}

// The hub offers its gateways (gateway transit) ...
module hubPeering 'modules/virtual-network-peering.bicep' = if (isSpoke) {
  name: '${clusterKey}-hub-peering'
  scope: resourceGroup(
    hubVirtualNetwork.?subscriptionId ?? subscription().subscriptionId,
    hubVirtualNetwork.?resourceGroupName ?? resourceGroup().name
  )
  params: {
    localVirtualNetworkName: hubVirtualNetwork.?name ?? ''
    remoteVirtualNetworkResourceId: network.outputs.resourceId
    name: 'peer-${names.virtualNetwork}'
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

// ... and the spoke uses them to reach on-premises, once the hub side exists.
module spokePeering 'modules/virtual-network-peering.bicep' = if (isSpoke) {
  name: '${clusterKey}-spoke-peering'
  params: {
    localVirtualNetworkName: names.virtualNetwork
    remoteVirtualNetworkResourceId: resourceId(
      hubVirtualNetwork.?subscriptionId ?? subscription().subscriptionId,
      hubVirtualNetwork.?resourceGroupName ?? resourceGroup().name,
      'Microsoft.Network/virtualNetworks',
      hubVirtualNetwork.?name ?? 'none'
    )
    name: 'peer-${hubVirtualNetwork.?name ?? 'hub'}'
    allowGatewayTransit: false
    useRemoteGateways: true
  }
  dependsOn: [
    network
    hubPeering
  ]
}

// Hybrid DNS: the private zones answer only Azure DNS, and the VNet may use on-premises DNS servers;
// the resolver's inbound endpoint is where those forward the private zones.
module dnsResolver 'modules/dns-resolver.bicep' = if (!empty(dnsResolverInboundAddress ?? '')) {
  name: '${clusterKey}-dns-resolver'
  params: {
    name: 'dnsr-${clusterKey}'
    virtualNetworkResourceId: network.outputs.resourceId
    inboundSubnetResourceId: network.outputs.dnsResolverInboundSubnetResourceId
    inboundAddress: dnsResolverInboundAddress ?? ''
    outboundEnabled: !empty(subnetPrefixes.?dnsResolverOutbound ?? '')
    outboundSubnetResourceId: network.outputs.dnsResolverOutboundSubnetResourceId
    forwardingRules: dnsForwardingRules
    location: location
    tags: tags
  }
}

// With a central zone for the private API server, the control plane must be allowed to write its
// records there (Private DNS Zone Contributor on the zone:
// https://learn.microsoft.com/azure/aks/private-clusters#configure-a-private-dns-zone).
module apiServerDnsZoneAccess 'modules/private-dns-zone-access.bicep' = if (enablePrivateCluster && !empty(apiServerPrivateDnsZoneResourceId ?? '')) {
  name: '${clusterKey}-api-server-dns-zone-access'
  scope: resourceGroup(
    split(apiServerPrivateDnsZoneResourceId ?? '/subscriptions/${subscription().subscriptionId}/resourceGroups/${resourceGroup().name}', '/')[2],
    split(apiServerPrivateDnsZoneResourceId ?? '/subscriptions/${subscription().subscriptionId}/resourceGroups/${resourceGroup().name}', '/')[4]
  )
  params: {
    zoneName: last(split(apiServerPrivateDnsZoneResourceId ?? 'none', '/'))
    principalIdentityResourceId: controlPlaneIdentityResourceId
    principalId: identities.outputs.controlPlaneIdentityPrincipalId
  }
}

module registry 'modules/registry.bicep' = {
  name: '${clusterKey}-registry'
  params: {
    name: registryName
    replicationLocations: registryReplicationLocations
    publicNetworkAccess: registryPublicNetworkAccess
    kubeletIdentityResourceId: kubeletIdentityResourceId
    kubeletPrincipalId: identities.outputs.kubeletIdentityPrincipalId
    location: location
    tags: tags
  }
}

// The endpoint carries a data endpoint per replica region: it follows the registry module, which
// completes once its replicas exist.
module registryPrivateEndpoint 'modules/registry-private-endpoint.bicep' = if (registryPrivateEndpointEnabled) {
  name: '${clusterKey}-registry-private-endpoint'
  params: {
    name: names.registryPrivateEndpoint
    registryResourceId: registry.outputs.resourceId
    subnetResourceId: network.outputs.privateEndpointsSubnetResourceId
    virtualNetworkName: names.virtualNetwork
    virtualNetworkResourceId: network.outputs.resourceId
    privateDnsZoneResourceId: registryPrivateDnsZoneResourceId
    location: location
    tags: tags
  }
}

module aks 'modules/aks.bicep' = {
  name: '${clusterKey}-aks'
  params: {
    name: names.cluster
    location: location
    tags: tags
    kubernetesVersion: kubernetesVersion
    skuTier: skuTier
    nodeResourceGroup: names.nodeResourceGroup
    aadProfileTenantId: aadProfileTenantId
    controlPlaneIdentityResourceId: identities.outputs.controlPlaneIdentityResourceId
    kubeletIdentityResourceId: identities.outputs.kubeletIdentityResourceId
    kubeletIdentityClientId: identities.outputs.kubeletIdentityClientId
    kubeletIdentityPrincipalId: identities.outputs.kubeletIdentityPrincipalId
    primaryAgentPoolProfile: primaryAgentPoolProfile
    agentPools: agentPools
    systemNodesSubnetResourceId: network.outputs.systemNodesSubnetResourceId
    userNodesSubnetResourceId: network.outputs.userNodesSubnetResourceId
    networkPolicy: networkPolicy
    podCidr: podCidr
    serviceCidr: serviceCidr
    dnsServiceIP: dnsServiceIP
    enablePrivateCluster: enablePrivateCluster
    privateDnsZone: apiServerPrivateDnsZoneResourceId ?? 'system'
    authorizedIPRanges: authorizedIPRanges
    egressPublicIpPrefix: egress.outputs.egressPublicIpPrefix
    autoUpgradeProfileUpgradeChannel: autoUpgradeProfileUpgradeChannel
    autoNodeOsUpgradeProfileUpgradeChannel: autoNodeOsUpgradeProfileUpgradeChannel
    maintenanceWindow: maintenanceWindow
    monitoringWorkspaceResourceId: monitoring.outputs.resourceId
    webApplicationRoutingEnabled: webApplicationRoutingEnabled
    secretsProviderRotationPollInterval: keyVaultSettings.?rotationPollInterval
  }
  // The nodes resolve names through the VNet's DNS servers, which may be on-premises: the path
  // there (the gateways here, or the peering to the hub) must exist before the first node boots.
  dependsOn: [
    expressRouteGateway
    vpnGateway
    spokePeering
    dnsResolver
    apiServerDnsZoneAccess
  ]
}

// The modules below act on the finished cluster. They name it by parameter rather than by the aks
// module's output so that what-if can evaluate them; dependsOn keeps the order.
module containerInsights 'modules/container-insights.bicep' = {
  name: '${clusterKey}-container-insights'
  params: {
    clusterName: names.cluster
    workspaceResourceId: monitoring.outputs.resourceId
    location: location
    tags: tags
  }
  dependsOn: [
    aks
  ]
}

module clusterAccess 'modules/cluster-access.bicep' = {
  name: '${clusterKey}-cluster-access'
  params: {
    clusterName: names.cluster
    platformAdminGroupObjectIds: platformAdminGroupObjectIds
    clusterUserGroupObjectIds: clusterUserGroupObjectIds
  }
  dependsOn: [
    aks
  ]
}

module flux 'modules/flux.bicep' = {
  name: '${clusterKey}-flux'
  params: {
    clusterName: names.cluster
    configurationName: fluxConfigurationName
    namespace: fluxNamespace
    gitRepositoryUrl: gitRepositoryUrl
    branch: gitRepositoryBranch
    kustomizations: fluxKustomizations
  }
  // Extensions install only on a finished cluster: after the user pools, which the aks module
  // creates before it completes.
  dependsOn: [
    aks
  ]
}

module keyVaultDnsZone 'modules/key-vault-dns-zone.bicep' = if (keyVaultSettings != null && !empty(keyVaults)) {
  name: '${clusterKey}-key-vault-dns-zone'
  params: {
    virtualNetworkName: names.virtualNetwork
    virtualNetworkResourceId: network.outputs.resourceId
    tags: tags
  }
}

module teamKeyVaults 'modules/key-vault.bicep' = [
  for vault in (keyVaultSettings == null ? [] : keyVaults): {
    name: '${clusterKey}-kv-${vault.name}'
    params: {
      name: vault.name
      softDeleteRetentionInDays: keyVaultSettings.?softDeleteRetentionInDays ?? 90
      privateEndpointName: vault.privateEndpointName
      subnetResourceId: network.outputs.privateEndpointsSubnetResourceId
      privateDnsZoneResourceId: keyVaultDnsZone.?outputs.?resourceId ?? ''
      location: location
      tags: tags
    }
  }
]

// After the vaults, which their role assignments name; the issuer is the finished cluster's.
module teamIdentityModules 'modules/team-identity.bicep' = [
  for identity in teamIdentities: {
    name: '${clusterKey}-id-${identity.namespace}'
    params: {
      identity: identity
      oidcIssuerUrl: aks.outputs.oidcIssuerUrl
      location: location
      tags: tags
    }
    dependsOn: [
      teamKeyVaults
    ]
  }
]

// ---------------------------------------------------------------------------------------------
// Outputs: the fixed addresses first; addresses.json names these outputs.
// ---------------------------------------------------------------------------------------------

@description('The egress prefix (CIDR) every node leaves from. Record it as spec.egress.allocatedPrefix.')
output egressPublicIpPrefix string = egress.outputs.egressPublicIpPrefix

@description('The resource ID of the egress public IP prefix.')
output egressPublicIpPrefixResourceId string = egress.outputs.egressPublicIpPrefixResourceId

@description('The resource ID of the NAT gateway.')
output natGatewayResourceId string = egress.outputs.natGatewayResourceId

@description('The static ingress IP address (empty without one). Record it as spec.ingress.allocatedAddress.')
output ingressPublicIpAddress string = ingressIp.?outputs.?ipAddress ?? ''

@description('The resource ID of the ingress public IP (empty without one).')
output ingressPublicIpResourceId string = ingressIp.?outputs.?resourceId ?? ''

@description('The resource ID of the virtual network.')
output virtualNetworkResourceId string = network.outputs.resourceId

@description('The name of the cluster.')
output clusterName string = aks.outputs.name

@description('The resource ID of the cluster.')
output clusterResourceId string = aks.outputs.resourceId

@description('The API server FQDN.')
output controlPlaneFqdn string = aks.outputs.controlPlaneFqdn

@description('The OIDC issuer URL of the cluster.')
output oidcIssuerUrl string = aks.outputs.oidcIssuerUrl

@description('The login server of the registry.')
output registryLoginServer string = registry.outputs.loginServer

@description('The address of the DNS Private Resolver inbound endpoint (empty without one): the conditional forwarders on-premises set for privatelink.azurecr.io and the AKS private zone.')
output dnsResolverInboundAddress string = dnsResolver.?outputs.?inboundAddress ?? ''

@description('The VPN gateway instances\' public IPs, for the on-premises device (empty without a VPN here).')
output vpnGatewayPublicIpAddresses string[] = vpnGateway.?outputs.?publicIpAddresses ?? []

@description('The VPN gateway\'s BGP peering addresses, for the on-premises device (empty without a VPN here).')
output vpnGatewayBgpPeeringAddresses string = vpnGateway.?outputs.?bgpPeeringAddresses ?? ''

@description('The client ID of each team identity, by team namespace. Record it as azureIdentity.clientId in the team file: the ServiceAccounts are annotated with it (azure.workload.identity/client-id).')
output teamIdentityClientIds array = [
  for (identity, i) in teamIdentities: {
    team: identity.namespace
    clientId: teamIdentityModules[i].outputs.clientId
  }
]

@description('The URI of each team Key Vault, for the SecretProviderClass.')
output keyVaultUris array = [
  for (vault, i) in (keyVaultSettings == null ? [] : keyVaults): {
    name: vault.name
    uri: teamKeyVaults[i].outputs.uri
  }
]
