import type { ClusterSpec } from '@aks-hybrid/spec';
import { Collector, type Comparison } from './compare.js';
import { compareGateways } from './compare-gateways.js';
import { compareNetwork } from './compare-network.js';
import { comparePublicIps } from './compare-public-ips.js';
import { compareRegistry } from './compare-registry.js';
import type { LiveLandingZone } from './read-landing-zone.js';

/** Drift beyond the cluster: network, gateways, registry, NAT gateway and public IPs. Pure. */
export function compareLandingZone(spec: ClusterSpec, live: LiveLandingZone): Comparison {
  const c = new Collector();
  compareNetwork(c, spec, live);
  compareGateways(c, spec, live);
  compareRegistry(c, spec, live);
  comparePublicIps(c, spec, live);
  return { checked: c.checked, drift: c.drift, notes: c.notes };
}
