import { contains, isCidr, parseCidr, type Cidr } from '@aks-hybrid/spec';

/** RFC 1918, shared address space (CGNAT) and loopback: never the source address of a public request. */
const NON_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8']
  .map((text) => parseCidr(text))
  .filter(isCidr);

/** True when `text` is a CIDR that lies inside a range the public internet never routes. */
export function isNonPublicRange(text: string): boolean {
  const cidr = parseCidr(text);
  return isCidr(cidr) && NON_PUBLIC.some((range: Cidr) => contains(range, cidr));
}
