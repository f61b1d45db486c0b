import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import { isCidr, parseCidr } from '../net/cidr.js';
import type { CheckContext } from './context.js';

// "The subnet must be a minimum of /28 address space or a maximum of /24 address space", and it
// serves only the resolver (delegated to Microsoft.Network/dnsResolvers):
// https://learn.microsoft.com/azure/dns/dns-private-resolver-overview#subnet-restrictions
const RESOLVER_PREFIX = { smallest: 28, largest: 24 };

/**
 * Hybrid DNS: the resolver subnets fit Azure's size limits (inside the VNet and apart from the other
 * subnets is checkNetwork's job), forwarding needs the outbound endpoint, and every forwarded zone
 * has a server to go to.
 */
export function checkDns(ctx: CheckContext): SpecIssue[] {
  const net = ctx.platform.spec.network;
  const file = ctx.platformFile;
  const issues: SpecIssue[] = [];
  for (const role of ['dnsResolverInbound', 'dnsResolverOutbound'] as const) {
    const text = net.subnets[role];
    if (text === undefined) continue;
    const cidr = parseCidr(text);
    if (!isCidr(cidr)) continue; // reported by checkNetwork
    if (cidr.prefix > RESOLVER_PREFIX.smallest || cidr.prefix < RESOLVER_PREFIX.largest) {
      issues.push(
        issueAt(
          file,
          ['spec', 'network', 'subnets', role],
          `subnet ${role} (${text}) is a /${cidr.prefix}; a DNS Private Resolver subnet must be a /28 to a /24`,
          'give the resolver endpoint a subnet of its own between /28 and /24 (https://learn.microsoft.com/azure/dns/dns-private-resolver-overview#subnet-restrictions)',
        ),
      );
    }
  }
  if (net.subnets.dnsResolverOutbound !== undefined && net.subnets.dnsResolverInbound === undefined) {
    issues.push(
      issueAt(
        file,
        ['spec', 'network', 'subnets', 'dnsResolverOutbound'],
        'the outbound endpoint needs the resolver, which the kit deploys with its inbound endpoint',
        'add spec.network.subnets.dnsResolverInbound (a /28 is enough)',
      ),
    );
  }
  const rules = net.dnsForwarding ?? [];
  if (rules.length > 0 && net.subnets.dnsResolverOutbound === undefined) {
    issues.push(
      issueAt(
        file,
        ['spec', 'network', 'dnsForwarding'],
        'forwarding on-premises zones needs the resolver outbound endpoint',
        'add spec.network.subnets.dnsResolverOutbound (a /28 is enough)',
      ),
    );
  }
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    const domain = rule.domain.replace(/\.$/, '').toLowerCase();
    if (seen.has(domain))
      issues.push(
        issueAt(file, ['spec', 'network', 'dnsForwarding', i, 'domain'], `zone ${rule.domain} is forwarded twice`, 'list each on-premises zone once'),
      );
    seen.set(domain, i);
    if ((rule.servers ?? net.dnsServers ?? []).length === 0) {
      issues.push(
        issueAt(
          file,
          ['spec', 'network', 'dnsForwarding', i],
          `zone ${rule.domain} has no DNS server to forward to`,
          'add servers to the rule or set spec.network.dnsServers (the on-premises resolvers)',
        ),
      );
    }
  });
  return issues;
}
