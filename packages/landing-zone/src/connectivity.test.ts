import { describe, expect, it } from 'vitest';
import type { ResourceInstance, Val } from './test-support/bicep-eval.js';
import { exampleSpec, variant } from './test-support/example.js';
import { at, renderFor, ZONES, type RenderedLandingZone } from './test-support/landing-zone.js';

const GATEWAY = 'Microsoft.Network/virtualNetworkGateways';
const CONNECTION = 'Microsoft.Network/connections';
const PIP = 'Microsoft.Network/publicIPAddresses';
const gatewayOfType = (lz: RenderedLandingZone, type: string) => lz.one(GATEWAY, (g) => at(g.body, 'properties.gatewayType') === type);
const connectionOfType = (lz: RenderedLandingZone, type: string) => lz.one(CONNECTION, (c) => at(c.body, 'properties.connectionType') === type);
const pipsOf = (lz: RenderedLandingZone, module: string) => lz.resources(PIP).filter((p) => p.module === module);
const secureParams = (lz: RenderedLandingZone, path: string) =>
  lz.outline(path).params.filter((p) => p.decorators.some((d) => d.name === 'secure')).map((p) => p.name);

describe('ExpressRoute: the primary path', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);

  it('GIVEN the example WHEN deployed THEN a zone-redundant ExpressRoute gateway with the spec SKU sits in GatewaySubnet', () => {
    const gateway = gatewayOfType(lz, 'ExpressRoute');
    expect(at(gateway.body, 'properties.sku')).toEqual({ name: spec.connectivity.expressRoute.gatewaySku, tier: spec.connectivity.expressRoute.gatewaySku });
    expect(spec.connectivity.expressRoute.gatewaySku).toMatch(/^ErGw\dAZ$/);
    expect(at(gateway.body, 'properties.ipConfigurations')).toMatchObject([{ properties: { subnet: { id: { $ref: 'network.outputs.gatewaySubnetResourceId' } } } }]);
    const [pip] = pipsOf(lz, 'expressRoute');
    expect(pip!.body).toMatchObject({ sku: { name: 'Standard' }, zones: ZONES, properties: { publicIPAllocationMethod: 'Static' } });
  });

  it('THEN only zone-redundant gateway SKUs are allowed', () => {
    const allowed = (name: string) => lz.outline('main.bicep').params.find((p) => p.name === name)!.decorators.find((d) => d.name === 'allowed')!.args;
    expect([...allowed('expressRouteGatewaySkuName').matchAll(/'(\w+)'/g)].map((m) => m[1])).toEqual(['ErGw1AZ', 'ErGw2AZ', 'ErGw3AZ']);
    expect([...allowed('vpnGatewaySkuName').matchAll(/'(\w+)'/g)].map((m) => m[1])).toEqual(['VpnGw1AZ', 'VpnGw2AZ', 'VpnGw3AZ', 'VpnGw4AZ', 'VpnGw5AZ']);
  });

  it('THEN the connection joins the circuit by resource ID with the spec routing weight', () => {
    const connection = connectionOfType(lz, 'ExpressRoute');
    expect(at(connection.body, 'properties.peer')).toEqual({ id: spec.connectivity.expressRoute.circuitId });
    expect(at(connection.body, 'properties.virtualNetworkGateway1')).toEqual({ id: { $ref: 'gateway.id' }, properties: {} });
    expect(at(connection.body, 'properties.routingWeight')).toBe(spec.connectivity.expressRoute.routingWeight);
  });

  it('THEN the authorization key comes from Key Vault into a @secure() parameter, and the repository holds only where it is', () => {
    const connection = connectionOfType(lz, 'ExpressRoute');
    expect(secureParams(lz, 'modules/expressroute.bicep')).toEqual(['authorizationKey']);
    expect(lz.deployment.modules.find((m) => m.symbol === 'expressRoute')!.params.authorizationKey).toEqual({
      $expr: 'expressRouteAuthorizationKeyVault.getSecret(expressRouteAuthorizationKeyReference.secretName)',
    });
    expect(at(connection.body, 'properties.authorizationKey')).toEqual({ $expr: 'empty(authorizationKey) ? null : authorizationKey' });
    const ref = spec.connectivity.expressRoute.authorizationKey!;
    expect(lz.param('expressRouteAuthorizationKeyReference')).toEqual({
      subscriptionId: ref.subscriptionId,
      resourceGroupName: ref.resourceGroup,
      vaultName: ref.keyVaultName,
      secretName: ref.secretName,
    });
    const vault = lz.deployment.resources.find((r) => r.symbol === 'expressRouteAuthorizationKeyVault')!;
    expect(vault).toMatchObject({ existing: true, type: 'Microsoft.KeyVault/vaults', body: { name: ref.keyVaultName } });
    expect(vault.body.scope).toEqual({ $expr: `resourceGroup('${ref.subscriptionId}', '${ref.resourceGroup}')` });
  });

  it('GIVEN a circuit in the same subscription (no authorization key) WHEN deployed THEN there is no Key Vault reference and no key', () => {
    const same = renderFor(variant((s) => void delete s.connectivity.expressRoute.authorizationKey));
    expect(same.deployment.resources.filter((r) => r.type === 'Microsoft.KeyVault/vaults').map((r) => r.symbol)).toEqual(['vpnSharedKeyVault']);
    expect(same.param('expressRouteAuthorizationKeyReference')).toBeUndefined();
    expect(at(connectionOfType(same, 'ExpressRoute').body, 'properties.authorizationKey')).toBeNull();
  });
});

describe('site-to-site VPN: the failover path', () => {
  const spec = exampleSpec();
  const vpn = spec.connectivity.vpn!;
  const lz = renderFor(spec);

  it('GIVEN the example WHEN deployed THEN the VPN gateway is route-based, zone-redundant, active-active with BGP on the Azure ASN', () => {
    const gateway = gatewayOfType(lz, 'Vpn');
    expect(gateway.body.properties).toMatchObject({
      vpnType: 'RouteBased',
      sku: { name: vpn.gatewaySku, tier: vpn.gatewaySku },
      activeActive: true,
      enableBgp: true,
      bgpSettings: { asn: vpn.azureBgpAsn },
      vpnGatewayGeneration: 'Generation2',
    });
    expect(vpn.gatewaySku).toMatch(/^VpnGw\dAZ$/);
  });

  it('THEN each of the two instances has its own zone-redundant public IP', () => {
    const configs = at(gatewayOfType(lz, 'Vpn').body, 'properties.ipConfigurations') as Array<{ properties: { [key: string]: Val } }>;
    expect(configs.map((c) => c.properties.publicIPAddress)).toEqual([{ id: { $ref: 'gatewayPublicIps[0].id' } }, { id: { $ref: 'gatewayPublicIps[1].id' } }]);
    const pips = pipsOf(lz, 'vpn');
    expect(pips.map((p) => p.body.name)).toEqual([`${spec.names.vpnGateway}-pip-1`, `${spec.names.vpnGateway}-pip-2`]);
    for (const pip of pips) expect(pip.body).toMatchObject({ sku: { name: 'Standard' }, zones: ZONES });
  });

  it('THEN it shares GatewaySubnet with the ExpressRoute gateway, and is built after it', () => {
    const subnetOf = (g: ResourceInstance) => (at(g.body, 'properties.ipConfigurations') as Array<{ properties: { subnet: Val } }>)[0]!.properties.subnet;
    expect(subnetOf(gatewayOfType(lz, 'Vpn'))).toEqual(subnetOf(gatewayOfType(lz, 'ExpressRoute')));
    expect(lz.deployment.modules.find((m) => m.symbol === 'vpn')!.body.dependsOn).toEqual([{ $ref: 'expressRoute' }]);
  });

  it('THEN the local network gateway is the on-premises device, reached over BGP (only its peer address is static)', () => {
    const lng = lz.one('Microsoft.Network/localNetworkGateways');
    expect(lng.body.name).toBe(spec.names.localNetworkGateway);
    expect(lng.body.properties).toEqual({
      gatewayIpAddress: vpn.peer.deviceIp,
      localNetworkAddressSpace: { addressPrefixes: [`${vpn.peer.bgpPeeringAddress}/32`] },
      bgpSettings: { asn: vpn.peer.bgpAsn, bgpPeeringAddress: vpn.peer.bgpPeeringAddress },
    });
  });

  it('THEN the site-to-site connection runs IKEv2 with BGP, weighted below ExpressRoute so ExpressRoute is preferred', () => {
    const s2s = connectionOfType(lz, 'IPsec');
    expect(s2s.body.properties).toMatchObject({
      connectionProtocol: 'IKEv2',
      enableBgp: true,
      localNetworkGateway2: { id: { $ref: 'localNetworkGateway.id' }, properties: {} },
    });
    expect(at(s2s.body, 'properties.routingWeight')).toBeLessThan(at(connectionOfType(lz, 'ExpressRoute').body, 'properties.routingWeight') as number);
  });

  it('THEN the shared key is read from Key Vault at deployment into a @secure() parameter; no rendered file contains a key', () => {
    expect(secureParams(lz, 'modules/vpn.bicep')).toEqual(['sharedKey']);
    expect(lz.deployment.modules.find((m) => m.symbol === 'vpn')!.params.sharedKey).toEqual({ $expr: 'vpnSharedKeyVault.getSecret(vpnSharedKeyReference.secretName)' });
    expect(at(connectionOfType(lz, 'IPsec').body, 'properties.sharedKey')).toEqual({ $expr: 'vpnSharedKeyVault.getSecret(vpnSharedKeyReference.secretName)' });
    expect(lz.param('vpnSharedKeyReference')).toMatchObject({ vaultName: vpn.sharedKey.keyVaultName, secretName: vpn.sharedKey.secretName });
    for (const [path, text] of lz.files) expect(text, path).not.toMatch(/(sharedKey|authorizationKey)\s*[:=]\s*'/);
  });

  it('GIVEN an active-passive VPN (VpnGw1AZ) WHEN deployed THEN one instance, one public IP, first-generation gateway', () => {
    const single = renderFor(
      variant((s) => {
        s.connectivity.vpn!.activeActive = false;
        s.connectivity.vpn!.gatewaySku = 'VpnGw1AZ';
      }),
    );
    expect(at(gatewayOfType(single, 'Vpn').body, 'properties.ipConfigurations')).toHaveLength(1);
    expect(pipsOf(single, 'vpn')).toHaveLength(1);
    expect(at(gatewayOfType(single, 'Vpn').body, 'properties.vpnGatewayGeneration')).toBe('Generation1');
  });
});

describe('no VPN', () => {
  const lz = renderFor(variant((s) => void delete s.connectivity.vpn));

  it('GIVEN a spec without VPN WHEN deployed THEN there is no VPN gateway, local network gateway or site-to-site connection', () => {
    expect(lz.resources(GATEWAY).map((g) => at(g.body, 'properties.gatewayType'))).toEqual(['ExpressRoute']);
    expect(lz.resources('Microsoft.Network/localNetworkGateways')).toEqual([]);
    expect(lz.resources(CONNECTION).map((c) => at(c.body, 'properties.connectionType'))).toEqual(['ExpressRoute']);
  });

  it('THEN neither the VPN module nor any VPN parameter or key reference is rendered', () => {
    expect(lz.files.has('modules/vpn.bicep')).toBe(false);
    expect([...lz.deployment.parameters.keys()].filter((name) => name.startsWith('vpn'))).toEqual([]);
    expect(lz.files.get('main.bicep')).not.toMatch(/vpn/i);
  });
});
