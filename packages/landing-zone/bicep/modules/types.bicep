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

  @description('Required. Subnet of the internal ingress load balancer; the internal ingress controller names it too.')
  ingressSubnet: string

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

  @description('Optional. Subnet of the DNS Private Resolver inbound endpoint (/28 to /24); deploys the resolver.')
  dnsResolverInbound: string?

  @description('Optional. Subnet of the DNS Private Resolver outbound endpoint (/28 to /24).')
  dnsResolverOutbound: string?

  @description('Optional. GatewaySubnet for the ExpressRoute and VPN gateways (combined topology only).')
  gateway: string?
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

  @description('Required. Node count sent on every deployment, within minCount..maxCount. AKS rejects an autoscaled pool without it; on an existing autoscaled pool AKS keeps the autoscaler\'s size (docs/decisions/0104).')
  @minValue(0)
  @maxValue(1000)
  count: int

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

  @description('Required. How AKS upgrades the pool.')
  upgradeSettings: agentPoolUpgradeSettingsType
}

@export()
@description('Surge, drain timeout and soak time of a pool upgrade (AgentPoolUpgradeSettings; https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling).')
type agentPoolUpgradeSettingsType = {
  @description('Required. Extra nodes during an upgrade: a count (\'1\') or a percentage of the pool (\'33%\').')
  maxSurge: string

  @description('Required. Minutes to wait for the pods of one node to be evicted, honouring PodDisruptionBudgets, before the upgrade fails.')
  @minValue(1)
  @maxValue(1440)
  drainTimeoutInMinutes: int

  @description('Required. Minutes to wait after draining a node before reimaging it.')
  @minValue(0)
  @maxValue(30)
  nodeSoakDurationInMinutes: int
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
@description('The hub virtual network of a spoke, by where it lives.')
type hubVirtualNetworkType = {
  @description('Required. Subscription of the hub virtual network.')
  subscriptionId: string

  @description('Required. Resource group of the hub virtual network.')
  resourceGroupName: string

  @description('Required. Name of the hub virtual network.')
  name: string
}

@export()
@description('ExpressRoute in this VNet (combined topology): the gateway and its connection to the circuit.')
type expressRouteType = {
  @description('Required. Resource ID of the ExpressRoute circuit.')
  circuitResourceId: string

  @description('Required. Zone-redundant ExpressRoute gateway SKU.')
  gatewaySkuName: 'ErGw1AZ' | 'ErGw2AZ' | 'ErGw3AZ'

  @description('Required. Routing weight of the connection. It ranks this connection against other ExpressRoute connections of the gateway only; ExpressRoute beats the VPN for equal prefixes by Azure\'s route preference, not by weight.')
  @minValue(0)
  @maxValue(32000)
  routingWeight: int
}

@export()
@description('Site-to-site VPN in this VNet (combined topology), the failover path to on-premises.')
type vpnType = {
  @description('Required. Zone-redundant VPN gateway SKU.')
  gatewaySkuName: 'VpnGw1AZ' | 'VpnGw2AZ' | 'VpnGw3AZ' | 'VpnGw4AZ' | 'VpnGw5AZ'

  @description('Required. Run the VPN gateway active-active.')
  activeActive: bool

  @description('Required. BGP ASN of the Azure VPN gateway.')
  bgpAsn: int

  @description('Required. The on-premises VPN device.')
  peer: vpnPeerType
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

@export()
@description('An on-premises DNS zone the resolver forwards, and where to.')
type dnsForwardingRuleType = {
  @description('Required. The zone, with its final dot (e.g. corp.contoso.com.).')
  domain: string

  @description('Required. The on-premises DNS servers that answer for it.')
  servers: string[]
}

@export()
@description('A team\'s user-assigned identity for workload identity.')
type teamIdentityType = {
  @description('Required. Name of the identity.')
  @minLength(3)
  @maxLength(128)
  name: string

  @description('Required. The team namespace.')
  namespace: string

  @description('Required. ServiceAccounts of the namespace that get a federated credential (at most 20 per identity).')
  @minLength(1)
  @maxLength(20)
  serviceAccounts: string[]

  @description('Optional. Vault whose secrets the identity reads (Key Vault Secrets User).')
  keyVaultName: string?
}

@export()
@description('A Key Vault for team secrets.')
type keyVaultType = {
  @description('Required. Name of the vault.')
  @minLength(3)
  @maxLength(24)
  name: string

  @description('Required. Name of its private endpoint.')
  privateEndpointName: string
}

@export()
@description('Key Vault settings of the cluster: the Secrets Store CSI driver add-on and the vaults.')
type keyVaultSettingsType = {
  @description('Required. How often the CSI driver polls for new secret versions, e.g. 2m.')
  rotationPollInterval: string

  @description('Required. Days a deleted vault or secret stays recoverable.')
  @minValue(7)
  @maxValue(90)
  softDeleteRetentionInDays: int
}
