metadata description = 'The fixed addresses of the cluster: a NAT gateway with a public IP prefix for egress, and a static public IP for ingress.'

@description('Required. Name of the NAT gateway.')
param natGatewayName string

@description('Required. Name of the egress public IP prefix.')
param egressPublicIpPrefixName string

@description('Required. Length of the egress public IP prefix (/31 = 2 addresses, /28 = 16).')
@minValue(28)
@maxValue(31)
param egressPublicIpPrefixLength int

@description('Required. TCP idle timeout of the NAT gateway in minutes.')
@minValue(4)
@maxValue(120)
param idleTimeoutInMinutes int

@description('Required. Create the static ingress public IP.')
param ingressPublicIpEnabled bool

@description('Required. Name of the ingress public IP.')
param ingressPublicIpName string

@description('Required. Principal ID of the AKS control-plane identity; it attaches the ingress load balancer to the IP.')
param controlPlanePrincipalId string

@description('Required. Availability zones the addresses are served from.')
param availabilityZones string[]

@description('Required. Location of the resources.')
param location string

@description('Required. Tags of the resources.')
param tags object

var networkContributorRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4d97b98b-1d4f-4787-a291-c67834d212e7'
)

// StandardV2 is the zone-redundant NAT gateway SKU: one gateway and one prefix keep serving when a
// zone fails, so the egress addresses stay the same (see docs/decisions/0102).
resource egressPrefix 'Microsoft.Network/publicIPPrefixes@2025-09-01' = {
  name: egressPublicIpPrefixName
  location: location
  tags: tags
  sku: {
    name: 'StandardV2'
    tier: 'Regional'
  }
  zones: availabilityZones
  properties: {
    prefixLength: egressPublicIpPrefixLength
    publicIPAddressVersion: 'IPv4'
  }
}

resource natGateway 'Microsoft.Network/natGateways@2025-09-01' = {
  name: natGatewayName
  location: location
  tags: tags
  sku: {
    name: 'StandardV2'
  }
  zones: availabilityZones
  properties: {
    idleTimeoutInMinutes: idleTimeoutInMinutes
    publicIpPrefixes: [
      {
        id: egressPrefix.id
      }
    ]
  }
}

// A Standard SKU address, zone-redundant across the cluster zones, that the AKS load balancer uses
// for the ingress controller's Service.
resource ingressPublicIp 'Microsoft.Network/publicIPAddresses@2025-09-01' = if (ingressPublicIpEnabled) {
  name: ingressPublicIpName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  zones: availabilityZones
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
    idleTimeoutInMinutes: 4
  }
}

resource ingressPublicIpJoin 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (ingressPublicIpEnabled) {
  name: guid(ingressPublicIp.id, controlPlanePrincipalId, networkContributorRoleId)
  scope: ingressPublicIp
  properties: {
    roleDefinitionId: networkContributorRoleId
    principalId: controlPlanePrincipalId
    principalType: 'ServicePrincipal'
    description: 'AKS binds the ingress load balancer frontend to this static IP.'
  }
}

@description('The resource ID of the NAT gateway.')
output natGatewayResourceId string = natGateway.id

@description('The egress prefix in CIDR notation, e.g. 203.0.113.64/30.')
output egressPublicIpPrefix string = egressPrefix.properties.ipPrefix

@description('The resource ID of the egress public IP prefix.')
output egressPublicIpPrefixResourceId string = egressPrefix.id

@description('The static ingress IP address; empty when no ingress IP is created.')
output ingressPublicIpAddress string = ingressPublicIpEnabled ? ingressPublicIp.properties.ipAddress : ''

@description('The resource ID of the ingress public IP; empty when no ingress IP is created.')
output ingressPublicIpResourceId string = ingressPublicIpEnabled ? ingressPublicIp.id : ''
