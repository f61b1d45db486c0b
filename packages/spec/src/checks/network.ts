import { contains, containsAddress, isCidr, overlaps, parseCidr, parseIpv4, type Cidr } from '../net/cidr.js';
import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import type { CheckContext } from './context.js';

type Path = Array<string | number>;
interface Range {
  readonly label: string;
  readonly path: Path;
  readonly cidr: Cidr;
}

/**
 * The address plan: every CIDR canonical, subnets inside the VNet, and nothing routable overlapping
 * (VNet, pods, services, on-premises, external ranges), since overlaps break routing silently.
 */
export function checkNetwork(ctx: CheckContext): SpecIssue[] {
  const { platformFile: file, platform } = ctx;
  const spec = platform.spec;
  const issues: SpecIssue[] = [];
  const parse = (text: string, path: Path): Cidr | undefined => {
    const result = parseCidr(text);
    if (isCidr(result)) return result;
    issues.push(issueAt(file, path, result.message, result.hint));
    return undefined;
  };
  const ranges = (texts: readonly string[] | undefined, base: Path, label: (i: number) => string): Range[] =>
    (texts ?? []).flatMap((text, i) => {
      const cidr = parse(text, [...base, i]);
      return cidr ? [{ label: label(i), path: [...base, i], cidr }] : [];
    });

  const net = spec.network;
  const vnet = ranges(net.addressSpace, ['spec', 'network', 'addressSpace'], (i) => `VNet address space ${net.addressSpace[i]}`);
  const subnets: Range[] = Object.entries(net.subnets).flatMap(([role, text]) => {
    if (text === undefined) return [];
    const path = ['spec', 'network', 'subnets', role];
    const cidr = parse(text, path);
    return cidr ? [{ label: `subnet ${role} (${text})`, path, cidr }] : [];
  });
  const single = (text: string, path: Path, label: string): Range[] => {
    const cidr = parse(text, path);
    return cidr ? [{ label: `${label} (${text})`, path, cidr }] : [];
  };
  const pods = single(net.podCidr, ['spec', 'network', 'podCidr'], 'pod range');
  const services = single(net.serviceCidr, ['spec', 'network', 'serviceCidr'], 'service range');
  const onPrem = ranges(spec.onPremises.ranges, ['spec', 'onPremises', 'ranges'], (i) => `on-premises range ${spec.onPremises.ranges[i]}`);
  const external = (spec.externalRanges ?? []).flatMap((set, s) =>
    ranges(set.cidrs, ['spec', 'externalRanges', s, 'cidrs'], (i) => `external range ${set.name} ${set.cidrs[i]}`),
  );
  ranges(spec.cluster.apiServer.authorizedRanges, ['spec', 'cluster', 'apiServer', 'authorizedRanges'], () => '');
  const allocated = spec.egress?.allocatedPrefix;
  if (allocated) {
    const cidr = parse(allocated, ['spec', 'egress', 'allocatedPrefix']);
    const expected = spec.egress?.publicIpPrefixLength ?? 31;
    if (cidr && cidr.prefix !== expected) {
      issues.push(
        issueAt(
          file,
          ['spec', 'egress', 'allocatedPrefix'],
          `recorded prefix ${allocated} is a /${cidr.prefix} but publicIpPrefixLength is ${expected}`,
          'copy the egressPublicIpPrefix deployment output exactly',
        ),
      );
    }
  }

  // Subnets inside the VNet and apart from each other. A broken address space entry was reported
  // above; judging subnets against what is left would add one misleading error per subnet.
  const addressSpaceComplete = vnet.length === net.addressSpace.length;
  for (const subnet of addressSpaceComplete ? subnets : []) {
    if (!vnet.some((v) => contains(v.cidr, subnet.cidr))) {
      issues.push(
        issueAt(
          file,
          subnet.path,
          `${subnet.label} is outside the VNet address space (${net.addressSpace.join(', ')})`,
          'pick a range inside the VNet or widen spec.network.addressSpace',
        ),
      );
    }
  }
  issues.push(...pairwise(file, subnets, 'subnets must not overlap; give each subnet its own range'));

  // Routable ranges must be disjoint from each other.
  const groups: Range[][] = [vnet, pods, services, onPrem, external];
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b < groups.length; b++) {
      for (const x of groups[a]!) {
        for (const y of groups[b]!) {
          if (overlaps(x.cidr, y.cidr)) {
            issues.push(
              issueAt(
                file,
                y.path,
                `${y.label} overlaps ${x.label}`,
                'address ranges that are routed between Azure, the cluster and on-premises must be disjoint; choose a free range',
              ),
            );
          }
        }
      }
    }
  }
  issues.push(...pairwise(file, onPrem, 'list each on-premises range once; merge or split overlapping ones'));

  // Cluster DNS lives in the service range.
  const dns = parseIpv4(net.dnsServiceIp);
  const service = services[0];
  if (dns !== undefined && service && (!containsAddress(service.cidr, dns) || dns === service.cidr.first)) {
    issues.push(
      issueAt(
        file,
        ['spec', 'network', 'dnsServiceIp'],
        `${net.dnsServiceIp} is not a usable address inside the service range ${net.serviceCidr}`,
        `use e.g. the .10 address of ${net.serviceCidr}`,
      ),
    );
  }

  // The GatewaySubnet must be big enough for ExpressRoute and VPN gateways side by side.
  const topology = net.topology ?? 'combined';
  if (topology === 'combined') {
    const gateway = subnets.find((s) => s.path[3] === 'gateway');
    if (!net.subnets.gateway) {
      issues.push(
        issueAt(
          file,
          ['spec', 'network', 'subnets'],
          'topology "combined" needs a GatewaySubnet',
          'add spec.network.subnets.gateway (a /27 or larger) or set topology: spoke with hubVirtualNetworkId',
        ),
      );
    } else if (gateway && gateway.cidr.prefix > 27) {
      issues.push(
        issueAt(file, gateway.path, `GatewaySubnet ${net.subnets.gateway} is too small for coexisting ExpressRoute and VPN gateways`, 'use a /27 or larger'),
      );
    }
  } else if (!net.hubVirtualNetworkId) {
    issues.push(issueAt(file, ['spec', 'network'], 'topology "spoke" needs the hub VNet', 'add spec.network.hubVirtualNetworkId'));
  }
  return issues;
}

function pairwise(file: CheckContext['platformFile'], list: Range[], hint: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (overlaps(list[i]!.cidr, list[j]!.cidr)) issues.push(issueAt(file, list[j]!.path, `${list[j]!.label} overlaps ${list[i]!.label}`, hint));
    }
  }
  return issues;
}
