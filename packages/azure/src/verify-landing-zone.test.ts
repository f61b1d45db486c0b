import { describe, expect, it } from 'vitest';
import type { DriftItem } from './drift-report.js';
import { AzureCheckError } from './errors.js';
import type { Json } from './testing/arm-fixtures.js';
import { changed, missing, unexpected } from './testing/drift-items.js';
import { exampleSpec, mutableSpec } from './testing/example-spec.js';
import { verifyCluster } from './verify.js';
import { useMockAzure } from './testing/use-mock-azure.js';

const azure = useMockAzure();

/** The mock's body of a landing-zone resource, by type and name, to mutate into drift. */
function resource(type: string, name: string): Json {
  const path = `/subscriptions/${azure.spec.azure.subscriptionId}/resourceGroups/${azure.spec.azure.resourceGroup}/providers/${type}/${name}`.toLowerCase();
  const body = azure.mock.resources.get(path);
  if (!body || Array.isArray(body)) throw new Error(`no fixture ${path}`);
  return body;
}
const vnet = () => resource('Microsoft.Network/virtualNetworks', azure.spec.names.virtualNetwork);
const subnet = (name: string) => (vnet().properties.subnets as Json[]).find((s) => s.name === name)!;
const nsg = (role: string) => resource('Microsoft.Network/networkSecurityGroups', `nsg-weu-prod-${role}`);
const replications = () =>
  azure.mock.resources.get(
    `/subscriptions/${azure.spec.azure.subscriptionId}/resourceGroups/${azure.spec.azure.resourceGroup}/providers/Microsoft.ContainerRegistry/registries/${azure.spec.registry.name}/replications`.toLowerCase(),
  ) as Json[];

const beyondCluster = (drift: readonly DriftItem[]) => drift.filter((d) => d.scope !== 'cluster' && !d.scope.startsWith('pool '));

describe('verifyCluster beyond the cluster: a landing zone deployed from the spec', () => {
  it('GIVEN ARM returns what the Bicep deployed THEN it is in sync, and the SDKs read the network and the registry', async () => {
    const report = await verifyCluster(azure.spec, azure.options());
    expect(report.drift).toEqual([]);
    expect(report.inSync).toBe(true);
    const paths = azure.mock.requests.filter((r) => r.route === 'landingZone').map((r) => r.path.split('/providers/')[1]);
    expect(paths).toEqual(
      expect.arrayContaining([
        `Microsoft.Network/virtualNetworks/${azure.spec.names.virtualNetwork}`,
        'Microsoft.Network/networkSecurityGroups/nsg-weu-prod-nodes',
        `Microsoft.Network/virtualNetworkGateways/${azure.spec.names.vpnGateway}`,
        `Microsoft.Network/connections/${azure.spec.names.expressRouteConnection}`,
        `Microsoft.Network/localNetworkGateways/${azure.spec.names.localNetworkGateway}`,
        `Microsoft.ContainerRegistry/registries/${azure.spec.registry.name}`,
        `Microsoft.ContainerRegistry/registries/${azure.spec.registry.name}/replications`,
        `Microsoft.Network/natGateways/${azure.spec.names.natGateway}`,
        `Microsoft.Network/publicIPPrefixes/${azure.spec.names.egressPublicIpPrefix}`,
        `Microsoft.Network/publicIPAddresses/${azure.spec.names.ingressPublicIp}`,
      ]),
    );
    expect(azure.mock.requests.filter((r) => r.route === 'landingZone').every((r) => /^\d{4}-\d{2}-\d{2}/.test(r.query['api-version'] ?? ''))).toBe(true);
  });

  it('GIVEN the spec does not record the ingress IP yet THEN the NSG rule takes the allocated address, and the report says so', async () => {
    const unrecorded = mutableSpec(azure.spec);
    delete unrecorded.ingress.allocatedAddress;
    azure.seed(unrecorded);
    const report = await verifyCluster(unrecorded, azure.options());
    expect(report.drift).toEqual([]);
    expect(report.notes.join('\n')).toMatch(
      /allow-internet-to-public-ingress: destination 20\.50\.60\.70 taken for the ingress IP; record it as ingress.allocatedAddress/,
    );
  });

  it('GIVEN the gateways live in a hub (topology spoke) THEN they are not read, and the report says so', async () => {
    const spoke = mutableSpec(azure.spec);
    spoke.network.topology = 'spoke';
    const report = await verifyCluster(spoke, azure.options());
    expect(report.drift).toEqual([]);
    expect(azure.mock.requests.some((r) => /virtualNetworkGateways|connections|localNetworkGateways/.test(r.path))).toBe(false);
    expect(report.notes.join('\n')).toContain('the gateways live in the hub');
  });

  it('GIVEN the identity may read the cluster but not the network THEN the check fails (exit 2), naming the read and the role', async () => {
    azure.mock.fail('landingZone', { kind: 'status', status: 403, code: 'AuthorizationFailed' }, 20);
    const error = await verifyCluster(azure.spec, azure.options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AzureCheckError);
    expect(String((error as Error).message)).toMatch(/read .* in resource group rg-aks-weu-prod/);
  });
});

type Case = [string, () => void, DriftItem[]];

describe('verifyCluster beyond the cluster: each kind of drift', () => {
  const v = 'vnet vnet-weu-prod';
  const cases: Case[] = [
    [
      'a VNet address range was added',
      () => vnet().properties.addressSpace.addressPrefixes.push('10.41.0.0/16'),
      [unexpected(v, 'addressSpace.addressPrefixes', '10.41.0.0/16')],
    ],
    [
      'the DNS servers were reordered',
      () => vnet().properties.dhcpOptions.dnsServers.reverse(),
      [changed(v, 'dhcpOptions.dnsServers', '10.0.0.4, 10.0.0.5', '10.0.0.5, 10.0.0.4')],
    ],
    [
      'a subnet prefix was changed',
      () => (subnet('snet-user-nodes').properties.addressPrefix = '10.40.4.0/23'),
      [changed('subnet snet-user-nodes', 'addressPrefix', '10.40.4.0/22', '10.40.4.0/23')],
    ],
    [
      'a subnet lost its NSG',
      () => delete subnet('snet-private-endpoints').properties.networkSecurityGroup,
      [changed('subnet snet-private-endpoints', 'networkSecurityGroup', 'nsg-weu-prod-private-endpoints', '(none)')],
    ],
    [
      'a subnet was deleted',
      () => (vnet().properties.subnets = (vnet().properties.subnets as Json[]).filter((s) => s.name !== 'snet-user-nodes')),
      [missing('subnet snet-user-nodes', 'subnet', '10.40.4.0/22')],
    ],
    [
      'an NSG rule was added by hand',
      () =>
        nsg('nodes').properties.securityRules.push({
          name: 'allow-ssh',
          properties: {
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            sourceAddressPrefix: '*',
            destinationAddressPrefix: '*',
            destinationPortRange: '22',
          },
        }),
      [unexpected('nsg nsg-weu-prod-nodes', 'securityRules.allow-ssh', '100 Inbound Allow Tcp from * to *:22')],
    ],
    [
      "an NSG rule's priority was changed",
      () => ((nsg('private-endpoints').properties.securityRules as Json[]).find((r) => r.name === 'deny-other-vnet-inbound')!.properties.priority = 4096),
      [
        changed(
          'nsg nsg-weu-prod-private-endpoints',
          'securityRules.deny-other-vnet-inbound',
          '4000 Inbound Deny * from VirtualNetwork to *:*',
          '4096 Inbound Deny * from VirtualNetwork to *:*',
        ),
      ],
    ],
    [
      'the ExpressRoute gateway was scaled down',
      () => (resource('Microsoft.Network/virtualNetworkGateways', azure.spec.names.expressRouteGateway).properties.sku.name = 'ErGw1AZ'),
      [changed('gateway vgw-weu-prod-er', 'sku.name', 'ErGw2AZ', 'ErGw1AZ')],
    ],
    [
      'the VPN gateway is no longer active-active',
      () => (resource('Microsoft.Network/virtualNetworkGateways', azure.spec.names.vpnGateway).properties.activeActive = false),
      [changed('gateway vgw-weu-prod-vpn', 'activeActive', 'true', 'false')],
    ],
    [
      'BGP was switched off on the VPN connection',
      () => (resource('Microsoft.Network/connections', azure.spec.names.vpnConnection).properties.enableBgp = false),
      [changed('connection con-weu-prod-vpn', 'enableBgp', 'true', 'false')],
    ],
    [
      'the on-premises device got another address',
      () => (resource('Microsoft.Network/localNetworkGateways', azure.spec.names.localNetworkGateway).properties.gatewayIpAddress = '203.0.113.99'),
      [changed('local gateway lgw-weu-prod-onprem', 'gatewayIpAddress', '203.0.113.10', '203.0.113.99')],
    ],
    [
      'the ExpressRoute connection lost its preference',
      () => (resource('Microsoft.Network/connections', azure.spec.names.expressRouteConnection).properties.routingWeight = 0),
      [changed('connection con-weu-prod-er', 'routingWeight', '100', '0')],
    ],
    [
      'the VPN gateway was deleted',
      () =>
        azure.mock.resources.delete(
          `/subscriptions/${azure.spec.azure.subscriptionId}/resourceGroups/${azure.spec.azure.resourceGroup}/providers/Microsoft.Network/virtualNetworkGateways/${azure.spec.names.vpnGateway}`.toLowerCase(),
        ),
      [missing('gateway vgw-weu-prod-vpn', 'resource', 'deployed')],
    ],
    [
      'the registry is no longer zone-redundant',
      () => (resource('Microsoft.ContainerRegistry/registries', azure.spec.registry.name).properties.zoneRedundancy = 'Disabled'),
      [changed('registry acrcontosoweuprod', 'zoneRedundancy', 'Enabled', 'Disabled')],
    ],
    [
      'the registry admin user was enabled',
      () => (resource('Microsoft.ContainerRegistry/registries', azure.spec.registry.name).properties.adminUserEnabled = true),
      [changed('registry acrcontosoweuprod', 'adminUserEnabled', 'false', 'true')],
    ],
    [
      'public access to the registry was opened',
      () => (resource('Microsoft.ContainerRegistry/registries', azure.spec.registry.name).properties.publicNetworkAccess = 'Enabled'),
      [changed('registry acrcontosoweuprod', 'publicNetworkAccess', 'Disabled', 'Enabled')],
    ],
    ['a replica was removed', () => replications().splice(1), spec_replicas().map((l) => missing('registry acrcontosoweuprod', 'replications', l))],
    [
      'the NAT gateway was pinned to one zone',
      () => (resource('Microsoft.Network/natGateways', azure.spec.names.natGateway).zones = ['1']),
      [changed('nat gateway ng-weu-prod', 'zones', '1, 2, 3', '1')],
    ],
    [
      'the NAT idle time-out was raised',
      () => (resource('Microsoft.Network/natGateways', azure.spec.names.natGateway).properties.idleTimeoutInMinutes = 30),
      [changed('nat gateway ng-weu-prod', 'idleTimeoutInMinutes', '4', '30')],
    ],
    [
      'the ingress IP is Basic',
      () => (resource('Microsoft.Network/publicIPAddresses', azure.spec.names.ingressPublicIp).sku.name = 'Basic'),
      [changed('public ip pip-weu-prod-ingress', 'sku.name', 'Standard', 'Basic')],
    ],
  ];
  it.each(cases)('GIVEN %s THEN verify reports exactly that', async (_, mutate, expected) => {
    mutate();
    const report = await verifyCluster(azure.spec, azure.options());
    expect(beyondCluster(report.drift)).toEqual(expected);
    expect(report.inSync).toBe(false);
  });

  it('GIVEN the addresses the spec records THEN a new ingress IP or egress prefix is drift (partners allow-list them), the NSG rule too', async () => {
    expect(azure.spec.ingress.allocatedAddress).toBe('203.0.113.80');
    resource('Microsoft.Network/publicIPAddresses', azure.spec.names.ingressPublicIp).properties.ipAddress = '203.0.113.99';
    resource('Microsoft.Network/publicIPPrefixes', azure.spec.names.egressPublicIpPrefix).properties.ipPrefix = '198.51.100.64/30';
    const drift = beyondCluster((await verifyCluster(azure.spec, azure.options())).drift);
    expect(drift).toEqual([
      changed('ip prefix ippre-weu-prod-egress', 'ipPrefix', '203.0.113.64/30', '198.51.100.64/30'),
      changed('public ip pip-weu-prod-ingress', 'ipAddress', '203.0.113.80', '203.0.113.99'),
    ]);
  });
});

function spec_replicas(): string[] {
  return [...exampleSpec().registry.replicaLocations].map((l) => l.toLowerCase()).sort();
}
