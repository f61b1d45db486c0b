import type { NetworkSecurityGroup, SecurityRule } from '@azure/arm-network';
import type { ClusterSpec } from '@aks-hybrid/spec';
import { canonicalRange, Collector, NOT_SET } from './compare.js';
import { ANY_SINGLE_ADDRESS, expectedSecurityGroups, expectedSubnets, type ExpectedRule } from './expected-landing-zone.js';
import type { LiveLandingZone } from './read-landing-zone.js';

/** The VNet (address space, DNS servers), its subnets (prefix, NSG association) and the NSGs' rules. */
export function compareNetwork(c: Collector, spec: ClusterSpec, live: LiveLandingZone): void {
  const vnet = live.virtualNetwork;
  const vnetScope = `vnet ${spec.names.virtualNetwork}`;
  if (!vnet) {
    c.check(vnetScope, 'virtualNetwork', 'deployed', undefined);
  } else {
    c.compareSet(vnetScope, 'addressSpace.addressPrefixes', ranges(spec.network.addressSpace), ranges(vnet.addressSpace?.addressPrefixes ?? []));
    // Order matters for DNS: clients ask the first server first.
    c.check(
      vnetScope,
      'dhcpOptions.dnsServers',
      spec.network.dnsServers.join(', ') || '(Azure DNS)',
      (vnet.dhcpOptions?.dnsServers ?? []).join(', ') || '(Azure DNS)',
    );
    const subnets = new Map((vnet.subnets ?? []).map((s) => [s.name ?? '', s]));
    for (const want of expectedSubnets(spec)) {
      const scope = `subnet ${want.name}`;
      const have = subnets.get(want.name);
      if (!have) {
        c.check(scope, 'subnet', want.addressPrefix, undefined);
        continue;
      }
      const prefixes = have.addressPrefix ? [have.addressPrefix] : (have.addressPrefixes ?? []);
      c.check(scope, 'addressPrefix', canonicalRange(want.addressPrefix), prefixes.map(canonicalRange).join(', ') || undefined);
      c.check(scope, 'networkSecurityGroup', want.networkSecurityGroup ?? '(none)', lastSegment(have.networkSecurityGroup?.id) ?? '(none)', sameName);
    }
  }
  for (const [name, rules] of expectedSecurityGroups(spec)) compareSecurityGroup(c, spec, name, rules, live.securityGroups.get(name));
}

function compareSecurityGroup(c: Collector, spec: ClusterSpec, name: string, expected: readonly ExpectedRule[], nsg: NetworkSecurityGroup | undefined): void {
  const scope = `nsg ${name}`;
  if (!nsg) {
    c.check(scope, 'networkSecurityGroup', 'deployed', undefined);
    return;
  }
  const live = new Map((nsg.securityRules ?? []).map((r) => [r.name ?? '', r]));
  for (const want of expected) {
    const have = live.get(want.name);
    const field = `securityRules.${want.name}`;
    if (!have) {
      c.add({ scope, field, kind: 'missing', spec: describeRule(want), live: NOT_SET });
      c.checked += 1;
      continue;
    }
    const actual = ruleOf(have);
    // The ingress IP is allocated at deployment: until the spec records it, any one address will do.
    const tolerant = want.destinations[0] === ANY_SINGLE_ADDRESS && actual.destinations.length === 1 && !actual.destinations[0]!.includes('/');
    const expectedRule = tolerant ? { ...want, destinations: actual.destinations } : want;
    if (tolerant)
      c.notes.push(
        `${scope} ${want.name}: destination ${actual.destinations[0]} taken for the ingress IP; record it as ingress.allocatedAddress in ${spec.file} to check it exactly`,
      );
    c.check(scope, field, describeRule(expectedRule), describeRule(actual));
  }
  // A rule added by hand (in the portal, by a script) opens what the spec does not say.
  for (const [ruleName, have] of [...live].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!expected.some((r) => r.name === ruleName))
      c.add({ scope, field: `securityRules.${ruleName}`, kind: 'unexpected', spec: NOT_SET, live: describeRule(ruleOf(have)) });
  }
}

function ruleOf(r: SecurityRule): ExpectedRule {
  const list = (one: string | undefined, many: string[] | undefined) => (many && many.length > 0 ? many : one ? [one] : []);
  return {
    name: r.name ?? '',
    priority: r.priority ?? 0,
    direction: (r.direction ?? 'Inbound') as ExpectedRule['direction'],
    access: (r.access ?? 'Allow') as ExpectedRule['access'],
    protocol: r.protocol ?? '*',
    sources: list(r.sourceAddressPrefix, r.sourceAddressPrefixes),
    destinations: list(r.destinationAddressPrefix, r.destinationAddressPrefixes),
    destinationPorts: list(r.destinationPortRange, r.destinationPortRanges),
  };
}

/** One line per rule, members sorted, so two rules compare as text and read well in the drift table. */
function describeRule(r: ExpectedRule): string {
  const sorted = (list: readonly string[]) =>
    [...list]
      .map((v) => (/^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(v) ? canonicalRange(v) : v))
      .sort()
      .join(',');
  return `${r.priority} ${r.direction} ${r.access} ${r.protocol} from ${sorted(r.sources)} to ${sorted(r.destinations)}:${sorted(r.destinationPorts)}`;
}

const ranges = (list: readonly string[]) => new Set(list.map(canonicalRange));
const lastSegment = (id: string | undefined) => (id ? id.slice(id.lastIndexOf('/') + 1) : undefined);
const sameName = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
