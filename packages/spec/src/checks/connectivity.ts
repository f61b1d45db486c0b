import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import { isNonPublicAddress } from '../net/public-ranges.js';
import type { CheckContext } from './context.js';

/** Azure keeps these ASNs for itself; an on-premises device cannot use them. */
const AZURE_RESERVED_ASNS = new Set([8074, 8075, 12076, 65515, 65516, 65517, 65518, 65519, 65520]);

/** The VPN peer must be reachable over the internet and speak BGP with a usable ASN. */
export function checkConnectivity(ctx: CheckContext): SpecIssue[] {
  const vpn = ctx.platform.spec.connectivity.vpn;
  if (!vpn) return [];
  const issues: SpecIssue[] = [];
  const file = ctx.platformFile;
  const base = ['spec', 'connectivity', 'vpn'];
  if (isNonPublicAddress(vpn.peer.deviceIp)) {
    issues.push(
      issueAt(
        file,
        [...base, 'peer', 'deviceIp'],
        `${vpn.peer.deviceIp} is a private address`,
        'the VPN device IP is the public address of the on-premises VPN device',
      ),
    );
  }
  if (AZURE_RESERVED_ASNS.has(vpn.peer.bgpAsn)) {
    issues.push(
      issueAt(
        file,
        [...base, 'peer', 'bgpAsn'],
        `ASN ${vpn.peer.bgpAsn} is reserved by Azure`,
        'use the private ASN configured on the on-premises device (e.g. 65010)',
      ),
    );
  }
  if (vpn.peer.bgpAsn === (vpn.azureBgpAsn ?? 65515)) {
    issues.push(issueAt(file, [...base, 'peer', 'bgpAsn'], 'the on-premises ASN equals the Azure gateway ASN', 'eBGP needs two different ASNs'));
  }
  return issues;
}
