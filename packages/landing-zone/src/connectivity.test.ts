import { describe, expect, it } from 'vitest';
import { deployed } from './testing/deployed.js';
import { exampleSpec } from './testing/example.js';
import { ZONES, type DeployedLandingZone } from './testing/landing-zone.js';

const GATEWAY = 'Microsoft.Network/virtualNetworkGateways';
const CONNECTION = 'Microsoft.Network/connections';
const PIP = 'Microsoft.Network/publicIPAddresses';
const spec = exampleSpec();
const gatewayOfType = (lz: DeployedLandingZone, gatewayType: string) => lz.template.one(GATEWAY, { properties: { gatewayType } });
const connectionOfType = (lz: DeployedLandingZone, connectionType: string) => lz.template.one(CONNECTION, { properties: { connectionType } });
const gatewaySubnetOf = (gateway: { properties?: Record<string, unknown> }) =>
  (gateway.properties!.ipConfigurations as Array<{ properties: { subnet: { id: string } } }>)[0]!.properties.subnet.id;

describe('ExpressRoute: the primary path (bicep snapshot)', () => {
  const lz = deployed('example');
  const er = spec.connectivity.expressRoute;

  it('GIVEN the example WHEN deployed THEN a zone-redundant ExpressRoute gateway with the spec SKU sits in GatewaySubnet', () => {
    const gateway = gatewayOfType(lz, 'ExpressRoute');
    expect(gateway.properties!.sku).toEqual({ name: er.gatewaySku, tier: er.gatewaySku });
    expect(er.gatewaySku).toMatch(/^ErGw\dAZ$/);
    expect(gatewaySubnetOf(gateway)).toMatch(/\/subnets\/GatewaySubnet$/);
    lz.template.hasResource(PIP, {
      name: `${spec.names.expressRouteGateway}-pip`,
      sku: { name: 'Standard' },
      zones: ZONES,
      properties: { publicIPAllocationMethod: 'Static' },
    });
  });

  it('THEN the connection joins the circuit by resource ID with the spec routing weight', () => {
    expect(connectionOfType(lz, 'ExpressRoute').properties).toMatchObject({ peer: { id: er.circuitId }, routingWeight: er.routingWeight });
  });

  it('THEN the authorization key is a Key Vault reference in main.bicepparam, passed to a @secure() parameter: the repository holds only where it is', () => {
    const ref = er.authorizationKey!;
    expect(lz.files.get('main.bicepparam')).toContain(
      `param expressRouteAuthorizationKey = az.getSecret('${ref.subscriptionId}', '${ref.resourceGroup}', '${ref.keyVaultName}', '${ref.secretName}')`,
    );
    expect(connectionOfType(lz, 'ExpressRoute').properties!.authorizationKey).toContain("parameters('expressRouteAuthorizationKey')");
  });

  it('GIVEN a circuit in the same subscription (no authorization key) WHEN deployed THEN no key is read or sent', () => {
    const same = deployed('singleVpnSameSubscription');
    expect(same.files.get('main.bicepparam')).not.toContain('expressRouteAuthorizationKey');
    // A @secure() value is never evaluated by the snapshot: the connection sends null when the key is empty (its default).
    expect(connectionOfType(same, 'ExpressRoute').properties!.authorizationKey).toBe(
      "[if(empty(parameters('authorizationKey')), null(), parameters('authorizationKey'))]",
    );
  });
});

describe('site-to-site VPN: the failover path (bicep snapshot)', () => {
  const vpn = spec.connectivity.vpn!;
  const lz = deployed('example');

  it('GIVEN the example WHEN deployed THEN the VPN gateway is route-based, zone-redundant, active-active with BGP on the Azure ASN', () => {
    lz.template.hasResourceProperties(GATEWAY, {
      gatewayType: 'Vpn',
      vpnType: 'RouteBased',
      sku: { name: vpn.gatewaySku, tier: vpn.gatewaySku },
      activeActive: true,
      enableBgp: true,
      bgpSettings: { asn: vpn.azureBgpAsn },
      vpnGatewayGeneration: 'Generation2',
    });
  });

  it('THEN each of the two instances has its own zone-redundant public IP, and the gateway shares GatewaySubnet with ExpressRoute', () => {
    const configs = gatewayOfType(lz, 'Vpn').properties!.ipConfigurations as Array<{ properties: { publicIPAddress: { id: string } } }>;
    expect(configs.map((c) => c.properties.publicIPAddress.id.split('/').pop())).toEqual([`${spec.names.vpnGateway}-pip-1`, `${spec.names.vpnGateway}-pip-2`]);
    for (const n of [1, 2]) lz.template.hasResource(PIP, { name: `${spec.names.vpnGateway}-pip-${n}`, sku: { name: 'Standard' }, zones: ZONES });
    expect(gatewaySubnetOf(gatewayOfType(lz, 'Vpn'))).toBe(gatewaySubnetOf(gatewayOfType(lz, 'ExpressRoute')));
  });

  it('THEN the local network gateway is the on-premises device, reached over BGP (only its peer address is static)', () => {
    lz.template.hasResource('Microsoft.Network/localNetworkGateways', {
      name: spec.names.localNetworkGateway,
      properties: {
        gatewayIpAddress: vpn.peer.deviceIp,
        localNetworkAddressSpace: { addressPrefixes: [`${vpn.peer.bgpPeeringAddress}/32`] },
        bgpSettings: { asn: vpn.peer.bgpAsn, bgpPeeringAddress: vpn.peer.bgpPeeringAddress },
      },
    });
  });

  it('THEN the site-to-site connection runs IKEv2 with BGP, its key a Key Vault reference into a @secure() parameter', () => {
    const s2s = connectionOfType(lz, 'IPsec');
    expect(s2s.properties).toMatchObject({ connectionProtocol: 'IKEv2', enableBgp: true, sharedKey: "[parameters('vpnSharedKey')]" });
    expect(lz.files.get('main.bicepparam')).toContain(
      `param vpnSharedKey = az.getSecret('${vpn.sharedKey.subscriptionId}', '${vpn.sharedKey.resourceGroup}', '${vpn.sharedKey.keyVaultName}', '${vpn.sharedKey.secretName}')`,
    );
    for (const [path, text] of lz.files) expect(text, path).not.toMatch(/(sharedKey|authorizationKey)\s*[:=]\s*'/i);
  });

  it('GIVEN an active-passive VPN (VpnGw1AZ) WHEN deployed THEN one instance, one public IP, first-generation gateway', () => {
    const single = deployed('singleVpnSameSubscription');
    const gateway = gatewayOfType(single, 'Vpn');
    expect(gateway.properties).toMatchObject({ activeActive: false, vpnGatewayGeneration: 'Generation1' });
    expect(gateway.properties!.ipConfigurations).toHaveLength(1);
    expect(single.template.resourcesOfType(PIP).filter((p) => p.name.startsWith(spec.names.vpnGateway))).toHaveLength(1);
  });
});

describe('no VPN (bicep snapshot)', () => {
  const lz = deployed('noVpn');

  it('GIVEN a spec without VPN WHEN deployed THEN there is no VPN gateway, local network gateway or site-to-site connection', () => {
    expect(lz.template.resourcesOfType(GATEWAY).map((g) => g.properties!.gatewayType)).toEqual(['ExpressRoute']);
    expect(lz.template.resourceCount('Microsoft.Network/localNetworkGateways')).toBe(0);
    expect(lz.template.resourcesOfType(CONNECTION).map((c) => c.properties!.connectionType)).toEqual(['ExpressRoute']);
  });

  it('THEN main.bicepparam sets no VPN parameter or key reference, and the VPN outputs are empty', () => {
    expect(lz.files.get('main.bicepparam')).not.toMatch(/^param vpn/m);
    expect(lz.template.output('vpnGatewayPublicIpAddresses')).toEqual([]);
    expect(lz.template.output('vpnGatewayBgpPeeringAddresses')).toBe('');
  });
});
