/** IPv4 CIDR arithmetic for the address-plan checks. Numbers stay within 2^32, safe in a double. */
export interface Cidr {
  readonly text: string;
  readonly network: number;
  readonly prefix: number;
  /** First and last address, inclusive. */
  readonly first: number;
  readonly last: number;
}

export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export type CidrProblem = { kind: 'syntax'; message: string; hint: string } | { kind: 'host-bits'; message: string; hint: string };

/** Parses `a.b.c.d/n`; host bits must be zero, as Azure and Kubernetes require. */
export function parseCidr(text: string): Cidr | CidrProblem {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(text);
  const address = match ? parseIpv4(match[1]!) : undefined;
  const prefix = match ? Number(match[2]) : NaN;
  if (address === undefined || !(prefix >= 0 && prefix <= 32)) {
    return { kind: 'syntax', message: `"${text}" is not an IPv4 CIDR`, hint: 'write it as a.b.c.d/n, e.g. 10.0.0.0/16' };
  }
  const size = 2 ** (32 - prefix);
  const network = Math.floor(address / size) * size;
  if (network !== address) {
    const host = `${match![1]}/32`;
    const canonical = `${formatIpv4(network)}/${prefix}`;
    return {
      kind: 'host-bits',
      message: `"${text}" has host bits set`,
      hint: `did you mean ${host} or ${canonical}?`,
    };
  }
  return { text, network, prefix, first: network, last: network + size - 1 };
}

export function isCidr(value: Cidr | CidrProblem): value is Cidr {
  return 'network' in value;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

export function containsAddress(outer: Cidr, address: number): boolean {
  return outer.first <= address && address <= outer.last;
}
