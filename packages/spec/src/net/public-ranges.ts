import type { ClusterSpec } from '../model.js';
import { contains, containsAddress, isCidr, parseCidr, parseIpv4, type Cidr } from './cidr.js';

/** RFC 1918, shared address space (CGNAT) and loopback: never the source of a public request. */
const NON_PUBLIC: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8']
  .map((text) => parseCidr(text))
  .filter(isCidr);

/** True when `text` is a CIDR inside a range the public internet never routes. */
export function isNonPublicRange(text: string): boolean {
  const cidr = parseCidr(text);
  return isCidr(cidr) && NON_PUBLIC.some((range) => contains(range, cidr));
}

/** True when `text` is an IPv4 address inside a range the public internet never routes. */
export function isNonPublicAddress(text: string): boolean {
  const address = parseIpv4(text);
  return address !== undefined && NON_PUBLIC.some((range) => containsAddress(range, address));
}

/**
 * The API server's authorized ranges as far as the spec knows them: the listed ranges plus the public
 * on-premises ranges (a public endpoint never sees a private source address). The landing zone adds
 * the NAT egress prefix at deployment. Empty for a private cluster.
 */
export function apiServerAuthorizedRanges(spec: ClusterSpec): string[] {
  if (spec.cluster.apiServer.access === 'private') return [];
  const publicOnPremises = spec.onPremises.ranges.filter((range) => !isNonPublicRange(range));
  return [...new Set([...spec.cluster.apiServer.authorizedRanges, ...publicOnPremises])];
}
