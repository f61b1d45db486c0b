metadata description = 'The fixed egress addresses of the cluster: a zone-redundant NAT gateway with a public IP prefix.'

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

@description('Required. Availability zones the addresses are served from.')
param availabilityZones string[]

@description('Required. Location of the resources.')
param location string

@description('Required. Tags of the resources.')
param tags object

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

@description('The resource ID of the NAT gateway.')
output natGatewayResourceId string = natGateway.id

@description('The egress prefix in CIDR notation, e.g. 203.0.113.64/30.')
output egressPublicIpPrefix string = egressPrefix.properties.ipPrefix

@description('The resource ID of the egress public IP prefix.')
output egressPublicIpPrefixResourceId string = egressPrefix.id
