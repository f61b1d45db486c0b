metadata description = 'Parameter types shared by main.bicep and the modules of the landing zone.'

@export()
@description('Names of every resource, derived from the cluster key by the kit (spec.names).')
type resourceNamesType = {
  @description('Required. Virtual network.')
  virtualNetwork: string

  @description('Required. AKS managed cluster.')
  cluster: string

  @description('Required. Resource group AKS creates for the node resources.')
  nodeResourceGroup: string

  @description('Required. Log Analytics workspace of Container Insights.')
  logAnalyticsWorkspace: string

  @description('Required. User-assigned identity of the AKS control plane.')
  controlPlaneIdentity: string

  @description('Required. User-assigned identity of the kubelets.')
  kubeletIdentity: string

  @description('Required. NAT gateway for egress.')
  natGateway: string

  @description('Required. Public IP prefix behind the NAT gateway (the fixed egress addresses).')
  egressPublicIpPrefix: string

  @description('Required. Static public IP of the ingress load balancer.')
  ingressPublicIp: string

  @description('Required. ExpressRoute virtual network gateway.')
  expressRouteGateway: string

  @description('Required. Connection from the ExpressRoute gateway to the circuit.')
  expressRouteConnection: string

  @description('Required. VPN virtual network gateway.')
  vpnGateway: string

  @description('Required. Site-to-site connection of the VPN gateway.')
  vpnConnection: string

  @description('Required. Local network gateway that represents the on-premises VPN device.')
  localNetworkGateway: string

  @description('Required. Route table of the node and ingress subnets.')
  routeTable: string

  @description('Required. Private endpoint of the container registry.')
  registryPrivateEndpoint: string
}

@export()
@description('Address prefixes of the subnets the landing zone creates.')
type subnetPrefixesType = {
  @description('Required. Subnet of the system node pool.')
  systemNodes: string

  @description('Required. Subnet of the user node pools.')
  userNodes: string

  @description('Required. Subnet of the internal ingress load balancer.')
  ingress: string

  @description('Required. Subnet of the private endpoints.')
  privateEndpoints: string

  @description('Optional. GatewaySubnet for the ExpressRoute and VPN gateways (combined topology only).')
  gateway: string?
}

@export()
@description('A secret in Key Vault, named by where it lives. Its value only ever flows into a @secure() module parameter.')
type keyVaultSecretReferenceType = {
  @description('Required. Subscription of the Key Vault.')
  subscriptionId: string

  @description('Required. Resource group of the Key Vault.')
  resourceGroupName: string

  @description('Required. Name of the Key Vault.')
  vaultName: string

  @description('Required. Name of the secret.')
  secretName: string
}

@export()
@description('An AKS agent pool as the spec describes it.')
type agentPoolType = {
  @description('Required. Pool name: lowercase letters and digits, at most 12 characters.')
  @minLength(1)
  @maxLength(12)
  name: string

  @description('Required. VM size of the nodes.')
  vmSize: string

  @description('Required. Cluster autoscaler minimum node count.')
  @minValue(0)
  @maxValue(1000)
  minCount: int

  @description('Required. Cluster autoscaler maximum node count.')
  @minValue(1)
  @maxValue(1000)
  maxCount: int

  @description('Required. Availability zones the pool spans.')
  availabilityZones: ('1' | '2' | '3')[]

  @description('Required. OS disk type.')
  osDiskType: 'Ephemeral' | 'Managed'

  @description('Required. OS disk size in GB.')
  @minValue(30)
  @maxValue(2048)
  osDiskSizeGB: int

  @description('Required. Node OS.')
  osSku: 'AzureLinux' | 'Ubuntu'

  @description('Required. Maximum pods per node.')
  @minValue(10)
  @maxValue(250)
  maxPods: int

  @description('Required. Node labels; workloads select their pool by these and by the agent pool name.')
  nodeLabels: {
    *: string
  }

  @description('Required. Node taints, `key=value:Effect`.')
  nodeTaints: string[]
}

@export()
@description('Planned maintenance window for cluster and node OS upgrades.')
type maintenanceWindowType = {
  @description('Required. Day of the week the window opens.')
  dayOfWeek: 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday'

  @description('Required. Start time, HH:MM.')
  startTime: string

  @description('Required. Length of the window in hours.')
  @minValue(4)
  @maxValue(24)
  durationHours: int

  @description('Required. UTC offset of the start time, +HH:MM or -HH:MM.')
  utcOffset: string
}

@export()
@description('The on-premises VPN device.')
type vpnPeerType = {
  @description('Required. Public IP address of the on-premises VPN device.')
  gatewayIpAddress: string

  @description('Required. BGP ASN of the on-premises device.')
  bgpAsn: int

  @description('Required. BGP peering address of the on-premises device.')
  bgpPeeringAddress: string
}

@export()
@description('One Flux Kustomization of the AKS GitOps configuration.')
type fluxKustomizationType = {
  @description('Required. Path in the repository, from its root.')
  path: string

  @description('Required. Kustomizations that must be ready before this one is applied.')
  dependsOn: string[]

  @description('Required. Delete objects that disappear from the path.')
  prune: bool

  @description('Required. Ready only when everything applied is healthy, so that dependants start after it.')
  wait: bool
}
