import { describe, expect, it } from 'vitest';
import { EGRESS_PREFIX_OUTPUT, fixedAddresses, INGRESS_ADDRESS_OUTPUT } from './fixed-addresses.js';
import { deployed } from './testing/deployed.js';
import { exampleSpec, variant } from './testing/example.js';
import { ZONES } from './testing/landing-zone.js';

const PIP = 'Microsoft.Network/publicIPAddresses';
const spec = exampleSpec();

describe('fixed egress: NAT gateway with a public IP prefix (bicep snapshot)', () => {
  const lz = deployed('example');

  it('GIVEN the example WHEN deployed THEN a zone-redundant (StandardV2) NAT gateway uses a StandardV2 prefix of the spec length', () => {
    const prefix = lz.template.one('Microsoft.Network/publicIPPrefixes');
    expect(prefix).toMatchObject({
      name: spec.names.egressPublicIpPrefix,
      sku: { name: 'StandardV2', tier: 'Regional' },
      zones: ZONES,
      properties: { prefixLength: spec.egress.publicIpPrefixLength, publicIPAddressVersion: 'IPv4' },
    });
    lz.template.hasResource('Microsoft.Network/natGateways', {
      name: spec.names.natGateway,
      sku: { name: 'StandardV2' },
      zones: ZONES,
      properties: { idleTimeoutInMinutes: spec.egress.idleTimeoutMinutes, publicIpPrefixes: [{ id: prefix.id }] },
    });
  });

  it('THEN the egress prefix is a deployment output under the name addresses.json gives', () => {
    expect(lz.template.output(EGRESS_PREFIX_OUTPUT)).toContain(`publicIPPrefixes/${spec.names.egressPublicIpPrefix}`);
    expect(fixedAddresses(spec).egress.deploymentOutput).toBe(EGRESS_PREFIX_OUTPUT);
  });
});

describe('fixed ingress: a static Standard public IP (bicep snapshot)', () => {
  const lz = deployed('example');

  it('GIVEN the example WHEN deployed THEN the ingress IP is Standard, static and zone-redundant', () => {
    lz.template.hasResource(PIP, {
      name: spec.names.ingressPublicIp,
      sku: { name: 'Standard', tier: 'Regional' },
      zones: ZONES,
      properties: { publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4' },
    });
  });

  it('THEN the AKS control plane may bind the load balancer to it (Network Contributor on the IP), and the address is a deployment output', () => {
    const ip = lz.template.one(PIP, { name: spec.names.ingressPublicIp });
    const join = lz.template.resourcesOfType('Microsoft.Authorization/roleAssignments').filter((r) => r.id!.startsWith(`${ip.id}/providers/`));
    expect(join).toHaveLength(1);
    expect(join[0]!.properties!.roleDefinitionId).toContain('4d97b98b-1d4f-4787-a291-c67834d212e7');
    expect(join[0]!.properties!.principalId).toContain(spec.names.controlPlaneIdentity);
    expect(lz.template.output(INGRESS_ADDRESS_OUTPUT)).toContain(`publicIPAddresses/${spec.names.ingressPublicIp}`);
    expect(lz.template.output('ingressPublicIpResourceId')).toBe(ip.id);
  });

  it('GIVEN no public ingress WHEN deployed THEN there is no ingress IP and its outputs are empty', () => {
    const none = deployed('privateNoIngress');
    expect(none.template.resourcesOfType(PIP).map((p) => p.name)).not.toContain(spec.names.ingressPublicIp);
    expect(none.template.output(INGRESS_ADDRESS_OUTPUT)).toBe('');
    expect(none.template.output('ingressPublicIpResourceId')).toBe('');
  });
});

describe('addresses.json', () => {
  it('GIVEN addresses recorded in the spec WHEN rendered THEN addresses.json carries exactly them', () => {
    const addresses = JSON.parse(deployed('example').files.get('addresses.json')!);
    expect(addresses.egress).toMatchObject({
      publicIpPrefix: spec.egress.allocatedPrefix ?? null,
      deploymentOutput: EGRESS_PREFIX_OUTPUT,
      publicIpPrefixName: spec.names.egressPublicIpPrefix,
    });
    expect(addresses.ingress).toMatchObject({
      publicIpAddress: spec.ingress.allocatedAddress,
      status: 'recorded',
      deploymentOutput: INGRESS_ADDRESS_OUTPUT,
      publicIpName: spec.names.ingressPublicIp,
    });
  });

  it('GIVEN a first deployment (nothing recorded yet) WHEN rendered THEN both addresses are pending and name the output to read', () => {
    const fresh = fixedAddresses(
      variant((s) => {
        delete s.egress.allocatedPrefix;
        delete s.ingress.allocatedAddress;
      }),
    );
    expect(fresh.egress).toMatchObject({ publicIpPrefix: null, status: 'pending', deploymentOutput: EGRESS_PREFIX_OUTPUT });
    expect(fresh.ingress).toMatchObject({ publicIpAddress: null, status: 'pending', deploymentOutput: INGRESS_ADDRESS_OUTPUT });
  });

  it('GIVEN no public ingress WHEN rendered THEN addresses.json has no ingress address', () => {
    expect(JSON.parse(deployed('privateNoIngress').files.get('addresses.json')!).ingress).toBeNull();
  });
});
