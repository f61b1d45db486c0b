metadata description = 'Hybrid DNS: an Azure DNS Private Resolver in the VNet. On-premises DNS forwards the private zones (privatelink.azurecr.io, the AKS private zone) to its inbound endpoint, a static address in a delegated subnet; when the spec names on-premises zones, an outbound endpoint and a forwarding ruleset linked to the VNet send them to the on-premises DNS servers.'

import { dnsForwardingRuleType } from 'types.bicep'

@description('Required. Name of the resolver; its endpoints and ruleset are named after it.')
param name string

@description('Required. Resource ID of the virtual network the resolver serves.')
param virtualNetworkResourceId string

@description('Required. Resource ID of the inbound endpoint subnet (delegated to Microsoft.Network/dnsResolvers).')
param inboundSubnetResourceId string

@description('Required. Static address of the inbound endpoint, inside its subnet: the conditional forwarders on-premises point at it.')
param inboundAddress string

@description('Required. Deploy the outbound endpoint (and forward the forwardingRules zones).')
param outboundEnabled bool

@description('Optional. Resource ID of the outbound endpoint subnet (delegated); used with outboundEnabled.')
param outboundSubnetResourceId string = ''

@description('Optional. On-premises zones to forward, with their DNS servers.')
param forwardingRules dnsForwardingRuleType[] = []

@description('Required. Location of the resolver.')
param location string

@description('Required. Tags of the resources.')
param tags object

// Conditions use parameters known before the deployment (what-if-short-circuiting).
var forwards = outboundEnabled && !empty(forwardingRules)

// https://learn.microsoft.com/azure/dns/dns-private-resolver-overview
resource resolver 'Microsoft.Network/dnsResolvers@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    virtualNetwork: {
      id: virtualNetworkResourceId
    }
  }
}

resource inboundEndpoint 'Microsoft.Network/dnsResolvers/inboundEndpoints@2025-05-01' = {
  parent: resolver
  name: 'inbound'
  location: location
  tags: tags
  properties: {
    ipConfigurations: [
      {
        // Static, so that the on-premises forwarders and addresses.json know the address before
        // the first deployment.
        privateIpAllocationMethod: 'Static'
        privateIpAddress: inboundAddress
        subnet: {
          id: inboundSubnetResourceId
        }
      }
    ]
  }
}

resource outboundEndpoint 'Microsoft.Network/dnsResolvers/outboundEndpoints@2025-05-01' = if (outboundEnabled) {
  parent: resolver
  name: 'outbound'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: outboundSubnetResourceId
    }
  }
}

resource ruleset 'Microsoft.Network/dnsForwardingRulesets@2025-05-01' = if (forwards) {
  name: '${name}-onprem'
  location: location
  tags: tags
  properties: {
    dnsResolverOutboundEndpoints: [
      {
        id: outboundEndpoint.id
      }
    ]
  }
}

resource rules 'Microsoft.Network/dnsForwardingRulesets/forwardingRules@2025-05-01' = [
  for (rule, i) in (forwards ? forwardingRules : []): {
    parent: ruleset
    name: 'onprem-${i}'
    properties: {
      domainName: rule.domain
      forwardingRuleState: 'Enabled'
      targetDnsServers: [
        for server in rule.servers: {
          ipAddress: server
          port: 53
        }
      ]
    }
  }
]

resource rulesetLink 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks@2025-05-01' = if (forwards) {
  parent: ruleset
  name: 'link-vnet'
  properties: {
    virtualNetwork: {
      id: virtualNetworkResourceId
    }
  }
}

@description('The resource ID of the resolver.')
output resourceId string = resolver.id

@description('The address of the inbound endpoint.')
output inboundAddress string = inboundAddress
