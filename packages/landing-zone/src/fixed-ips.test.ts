import { describe, expect, it } from 'vitest';
import { EGRESS_PREFIX_OUTPUT, fixedAddresses, INGRESS_ADDRESS_OUTPUT } from './fixed-addresses.js';
import { exampleSpec, variant } from './test-support/example.js';
import { at, renderFor, ZONES } from './test-support/landing-zone.js';

const NAT = 'Microsoft.Network/natGateways';
const PREFIX = 'Microsoft.Network/publicIPPrefixes';
const PIP = 'Microsoft.Network/publicIPAddresses';

describe('fixed egress: NAT gateway with a public IP prefix', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);

  it('GIVEN the example WHEN deployed THEN a zone-redundant (StandardV2) NAT gateway uses a StandardV2 prefix of the spec length', () => {
    const prefix = lz.one(PREFIX);
    expect(prefix.body).toMatchObject({
      name: spec.names.egressPublicIpPrefix,
      sku: { name: 'StandardV2', tier: 'Regional' },
      zones: ZONES,
      properties: { prefixLength: spec.egress.publicIpPrefixLength, publicIPAddressVersion: 'IPv4' },
    });
    const nat = lz.one(NAT);
    expect(nat.body).toMatchObject({
      name: spec.names.natGateway,
      sku: { name: 'StandardV2' },
      zones: ZONES,
      properties: { idleTimeoutInMinutes: spec.egress.idleTimeoutMinutes, publicIpPrefixes: [{ id: { $ref: 'egressPrefix.id' } }] },
    });
  });

  it('THEN AKS leaves egress to that NAT gateway (outbound type userAssignedNATGateway)', () => {
    expect(at(lz.one('Microsoft.ContainerService/managedClusters').body, 'properties.networkProfile.outboundType')).toBe('userAssignedNATGateway');
  });

  it('THEN the egress prefix is a deployment output under the name addresses.json gives', () => {
    expect(lz.deployment.outputs.get(EGRESS_PREFIX_OUTPUT)).toEqual({ $ref: 'fixedIps.outputs.egressPublicIpPrefix' });
    expect(lz.outline('modules/fixed-ips.bicep').outputs.get('egressPublicIpPrefix')!.value).toEqual({ $expr: 'egressPrefix.properties.ipPrefix' });
  });
});

describe('fixed ingress: a static Standard public IP', () => {
  const spec = exampleSpec();
  const lz = renderFor(spec);

  it('GIVEN the example WHEN deployed THEN the ingress IP is Standard, static and zone-redundant', () => {
    const ingress = lz.one(PIP, (p) => p.body.name === spec.names.ingressPublicIp);
    expect(ingress.body).toMatchObject({ sku: { name: 'Standard', tier: 'Regional' }, zones: ZONES, properties: { publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4' } });
  });

  it('THEN the AKS control plane may bind the load balancer to it, and the address is a deployment output', () => {
    const join = lz.one('Microsoft.Authorization/roleAssignments', (r) => r.symbol === 'ingressPublicIpJoin');
    expect(join.body.scope).toEqual({ $ref: 'ingressPublicIp' });
    expect(lz.deployment.outputs.get(INGRESS_ADDRESS_OUTPUT)).toEqual({ $ref: 'fixedIps.outputs.ingressPublicIpAddress' });
  });

  it('GIVEN no public ingress WHEN deployed THEN there is no ingress IP', () => {
    const none = renderFor(variant((s) => void (s.ingress.publicIp = false)));
    expect(none.resources(PIP).map((p) => p.body.name)).not.toContain(spec.names.ingressPublicIp);
  });
});

describe('addresses.json', () => {
  it('GIVEN addresses recorded in the spec WHEN rendered THEN addresses.json carries exactly them', () => {
    const spec = exampleSpec();
    const file = JSON.parse(renderFor(spec).files.get('addresses.json')!);
    expect(file.egress).toMatchObject({ publicIpPrefix: spec.egress.allocatedPrefix, status: 'recorded', prefixLength: 30, addressCount: 4, publicIpPrefixName: spec.names.egressPublicIpPrefix });
    expect(file.egress.publicIpPrefixResourceId).toBe(
      `/subscriptions/${spec.azure.subscriptionId}/resourceGroups/${spec.azure.resourceGroup}/providers/Microsoft.Network/publicIPPrefixes/${spec.names.egressPublicIpPrefix}`,
    );
    expect(file.ingress).toMatchObject({ publicIpAddress: spec.ingress.allocatedAddress, status: 'recorded', publicIpName: spec.names.ingressPublicIp });
    expect(file.onPremises.ranges).toEqual(spec.onPremises.ranges);
    expect(file.virtualNetwork.addressSpace).toEqual(spec.network.addressSpace);
    expect(file).toEqual(fixedAddresses(spec));
  });

  it('GIVEN a first deployment (nothing recorded yet) WHEN rendered THEN both addresses are pending and name the output to read', () => {
    const fresh = variant((s) => {
      delete s.egress.allocatedPrefix;
      delete s.ingress.allocatedAddress;
    });
    const file = JSON.parse(renderFor(fresh).files.get('addresses.json')!);
    expect(file.egress).toMatchObject({ publicIpPrefix: null, status: 'pending', deploymentOutput: 'egressPublicIpPrefix' });
    expect(file.ingress).toMatchObject({ publicIpAddress: null, status: 'pending', deploymentOutput: 'ingressPublicIpAddress' });
    const readme = renderFor(fresh).files.get('README.md')!;
    expect(readme).toContain('pending: deployment output `egressPublicIpPrefix`');
  });

  it('GIVEN the output names addresses.json gives THEN main.bicep has those outputs', () => {
    const lz = renderFor(exampleSpec());
    const file = JSON.parse(lz.files.get('addresses.json')!);
    expect(lz.deployment.outputs.has(file.egress.deploymentOutput)).toBe(true);
    expect(lz.deployment.outputs.has(file.ingress.deploymentOutput)).toBe(true);
  });

  it('GIVEN no public ingress WHEN rendered THEN addresses.json has no ingress address', () => {
    const file = JSON.parse(renderFor(variant((s) => void (s.ingress.publicIp = false))).files.get('addresses.json')!);
    expect(file.ingress).toBeNull();
  });
});
