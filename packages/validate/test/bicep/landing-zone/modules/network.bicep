// Hub networking: VNet with subnets, NAT gateway on a public IP prefix,
// ExpressRoute and VPN gateways sharing the GatewaySubnet, and an S2S connection.
param location string
param baseName string
param addressSpace string
param onPremGatewayIp string
param onPremAddressPrefixes array
param onPremAsn int = 65010

@secure()
param vpnSharedKey string

param tags object = {}

var subnetDefs = [
  {
    name: 'GatewaySubnet'
    prefix: cidrSubnet(addressSpace, 27, 0)
    useNat: false
  }
  {
    name: 'snet-aks-nodes'
    prefix: cidrSubnet(addressSpace, 20, 1)
    useNat: true
  }
  {
    name: 'snet-private-endpoints'
    prefix: cidrSubnet(addressSpace, 24, 32)
    useNat: false
  }
]

var gatewayNames = [
  'er'
  'vpn'
]

resource natPrefix 'Microsoft.Network/publicIPPrefixes@2025-09-01' = {
  name: '${baseName}-nat-ippre'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    prefixLength: 30
    publicIPAddressVersion: 'IPv4'
  }
}

resource nat 'Microsoft.Network/natGateways@2025-09-01' = {
  name: '${baseName}-nat'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    idleTimeoutInMinutes: 10
    publicIpPrefixes: [
      {
        id: natPrefix.id
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: '${baseName}-vnet'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressSpace
      ]
    }
    subnets: [for s in subnetDefs: {
      name: s.name
      properties: {
        addressPrefix: s.prefix
        natGateway: s.useNat ? { id: nat.id } : null
        privateEndpointNetworkPolicies: 'Disabled'
      }
    }]
  }

  resource gatewaySubnet 'subnets' existing = {
    name: 'GatewaySubnet'
  }

  resource aksSubnet 'subnets' existing = {
    name: 'snet-aks-nodes'
  }

  resource peSubnet 'subnets' existing = {
    name: 'snet-private-endpoints'
  }
}

resource gatewayPips 'Microsoft.Network/publicIPAddresses@2025-09-01' = [for (g, i) in gatewayNames: {
  name: '${baseName}-${g}gw-pip'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
    dnsSettings: {
      domainNameLabel: '${baseName}-${g}gw-${i}'
      domainNameLabelScope: 'TenantReuse'
    }
  }
}]

resource erGateway 'Microsoft.Network/virtualNetworkGateways@2025-09-01' = {
  name: '${baseName}-ergw'
  location: location
  tags: tags
  properties: {
    gatewayType: 'ExpressRoute'
    sku: {
      name: 'ErGw1AZ'
      tier: 'ErGw1AZ'
    }
    ipConfigurations: [
      {
        name: 'default'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: vnet::gatewaySubnet.id
          }
          publicIPAddress: {
            id: gatewayPips[0].id
          }
        }
      }
    ]
  }
}

resource vpnGateway 'Microsoft.Network/virtualNetworkGateways@2025-09-01' = {
  name: '${baseName}-vpngw'
  location: location
  tags: tags
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    vpnGatewayGeneration: 'Generation2'
    enableBgp: true
    activeActive: false
    sku: {
      name: 'VpnGw2AZ'
      tier: 'VpnGw2AZ'
    }
    bgpSettings: {
      asn: 65515
    }
    ipConfigurations: [
      {
        name: 'default'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: vnet::gatewaySubnet.id
          }
          publicIPAddress: {
            id: gatewayPips[1].id
          }
        }
      }
    ]
  }
  // Gateways in one GatewaySubnet are created one after the other.
  dependsOn: [
    erGateway
  ]
}

resource onPrem 'Microsoft.Network/localNetworkGateways@2025-09-01' = {
  name: '${baseName}-onprem-lgw'
  location: location
  tags: tags
  properties: {
    gatewayIpAddress: onPremGatewayIp
    localNetworkAddressSpace: {
      addressPrefixes: onPremAddressPrefixes
    }
    bgpSettings: {
      asn: onPremAsn
      bgpPeeringAddress: '192.168.255.254'
    }
  }
}

resource s2s 'Microsoft.Network/connections@2025-09-01' = {
  name: '${baseName}-s2s'
  location: location
  tags: tags
  properties: {
    connectionType: 'IPsec'
    connectionProtocol: 'IKEv2'
    enableBgp: true
    sharedKey: vpnSharedKey
    virtualNetworkGateway1: {
      id: vpnGateway.id
      properties: {}
    }
    localNetworkGateway2: {
      id: onPrem.id
      properties: {}
    }
  }
}

output vnetId string = vnet.id
output aksSubnetId string = vnet::aksSubnet.id
output privateEndpointSubnetId string = vnet::peSubnet.id
output gatewayIds array = [
  erGateway.id
  vpnGateway.id
]
