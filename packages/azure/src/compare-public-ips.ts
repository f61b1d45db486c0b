import type { ClusterSpec } from '@aks-hybrid/spec';
import { canonicalRange, Collector, sameSet } from './compare.js';
import { present } from './compare-gateways.js';
import type { LiveLandingZone } from './read-landing-zone.js';

/**
 * The fixed addresses: the NAT gateway and its egress prefix (StandardV2, zone-redundant: see
 * docs/decisions/0102), and the static ingress IP. The addresses themselves are compared once the
 * spec records them (`egress.allocatedPrefix`, `ingress.allocatedAddress`): on-premises firewalls
 * and partners allow-list them, so a change is drift even when everything else matches.
 */
export function comparePublicIps(c: Collector, spec: ClusterSpec, live: LiveLandingZone): void {
  const n = spec.names;
  const zones = [...spec.azure.zones];
  const nat = `nat gateway ${n.natGateway}`;
  if (present(c, nat, live.natGateway)) {
    const g = live.natGateway!;
    c.check(nat, 'sku.name', 'StandardV2', g.sku?.name);
    c.check(nat, 'zones', zones, g.zones ?? [], sameSet);
    c.check(nat, 'idleTimeoutInMinutes', spec.egress.idleTimeoutMinutes, g.idleTimeoutInMinutes);
    c.check(
      nat,
      'publicIpPrefixes',
      n.egressPublicIpPrefix,
      (g.publicIpPrefixes ?? []).map((p) => (p.id ?? '').slice((p.id ?? '').lastIndexOf('/') + 1)).join(', ') || undefined,
      sameName,
    );
  }
  const prefix = `ip prefix ${n.egressPublicIpPrefix}`;
  if (present(c, prefix, live.egressPrefix)) {
    const p = live.egressPrefix!;
    c.check(prefix, 'sku.name', 'StandardV2', p.sku?.name);
    c.check(prefix, 'zones', zones, p.zones ?? [], sameSet);
    c.check(prefix, 'prefixLength', spec.egress.publicIpPrefixLength, p.prefixLength);
    if (spec.egress.allocatedPrefix)
      c.check(prefix, 'ipPrefix', canonicalRange(spec.egress.allocatedPrefix), p.ipPrefix ? canonicalRange(p.ipPrefix) : undefined);
  }
  if (!spec.ingress.publicIp) return;
  const ip = `public ip ${n.ingressPublicIp}`;
  if (present(c, ip, live.ingressPublicIp)) {
    const a = live.ingressPublicIp!;
    c.check(ip, 'sku.name', 'Standard', a.sku?.name);
    c.check(ip, 'zones', zones, a.zones ?? [], sameSet);
    c.check(ip, 'publicIPAllocationMethod', 'Static', a.publicIPAllocationMethod);
    if (spec.ingress.allocatedAddress) c.check(ip, 'ipAddress', spec.ingress.allocatedAddress, a.ipAddress);
  }
}

const sameName = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
