import { describe, expect, it } from 'vitest';
import type { SpecIssue } from '../errors.js';
import { loadCluster } from '../load/load-cluster.js';
import { EXAMPLE_CLUSTER, exampleWith, issuesOfExampleWith } from '../testing/example.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const SUBNETS = ['spec', 'network', 'subnets'];
type Edits = Array<[Array<string | number>, unknown]>;

const issuesOf = (edits: Edits): readonly SpecIssue[] => issuesOfExampleWith({ [PLATFORM]: edits });

describe('hybrid DNS: the DNS Private Resolver (https://learn.microsoft.com/azure/dns/dns-private-resolver-overview#subnet-restrictions)', () => {
  it('GIVEN the example (inbound and outbound /28 subnets, one forwarded zone) THEN accepted, with the zone normalised to end in a dot', () => {
    expect(issuesOf([])).toEqual([]);
    const spec = loadCluster(exampleWith({}), EXAMPLE_CLUSTER);
    expect(spec.network.subnets.dnsResolverInbound).toBe('10.40.10.0/28');
    expect(spec.network.dnsForwarding).toEqual([{ domain: 'corp.contoso.com.', servers: spec.network.dnsServers }]);
  });

  it.each([
    ['/29, smaller than a /28', '10.40.10.0/29', 'is a /29'],
    ['/23, larger than a /24', '10.40.12.0/23', 'is a /23'],
  ])('GIVEN a resolver subnet %s THEN refused at the field, naming the limit', (_name, cidr, message) => {
    const issues = issuesOf([[[...SUBNETS, 'dnsResolverInbound'], cidr]]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'spec.network.subnets.dnsResolverInbound' });
    expect(issues[0]!.message).toContain(message);
    expect(issues[0]!.message).toContain('must be a /28 to a /24');
    expect(issues[0]!.line).toBeGreaterThan(0);
  });

  it('GIVEN a /24 resolver subnet THEN accepted (the largest Azure allows)', () => {
    expect(issuesOf([[[...SUBNETS, 'dnsResolverInbound'], '10.40.12.0/24']])).toEqual([]);
  });

  it('GIVEN a resolver subnet outside the VNet or overlapping another subnet THEN refused', () => {
    expect(issuesOf([[[...SUBNETS, 'dnsResolverInbound'], '10.41.0.0/28']])[0]!.message).toContain('outside the VNet address space');
    expect(issuesOf([[[...SUBNETS, 'dnsResolverOutbound'], '10.40.10.0/28']])[0]!.message).toMatch(/overlaps/);
  });

  it('GIVEN an outbound endpoint without the inbound one, or forwarding without the outbound one THEN refused with what to add', () => {
    const noInbound = issuesOf([[[...SUBNETS, 'dnsResolverInbound'], undefined]]);
    expect(noInbound.map((i) => i.path)).toEqual(['spec.network.subnets.dnsResolverOutbound']);
    const noOutbound = issuesOf([[[...SUBNETS, 'dnsResolverOutbound'], undefined]]);
    expect(noOutbound.map((i) => i.path)).toEqual(['spec.network.dnsForwarding']);
    expect(noOutbound[0]!.hint).toContain('dnsResolverOutbound');
  });

  it('GIVEN a forwarded zone with no server (none given, no VNet DNS servers) or listed twice THEN refused', () => {
    const noServers = issuesOf([[['spec', 'network', 'dnsServers'], undefined]]);
    expect(noServers.map((i) => i.message)).toEqual(['zone corp.contoso.com has no DNS server to forward to']);
    const twice = issuesOf([[['spec', 'network', 'dnsForwarding', 1], { domain: 'corp.contoso.com.' }]]);
    expect(twice.map((i) => i.path)).toEqual(['spec.network.dnsForwarding[1].domain']);
  });

  it('GIVEN existing central private DNS zones THEN accepted when they are the right zones, refused otherwise', () => {
    const zone = (name: string) =>
      `/subscriptions/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${name}`;
    expect(
      issuesOf([[['spec', 'network', 'privateDnsZones'], { registry: zone('privatelink.azurecr.io'), apiServer: zone('privatelink.westeurope.azmk8s.io') }]]),
    ).toEqual([]);
    expect(issuesOf([[['spec', 'network', 'privateDnsZones'], { registry: zone('privatelink.blob.core.windows.net') }]]).map((i) => i.path)).toEqual([
      'spec.network.privateDnsZones.registry',
    ]);
  });
});
