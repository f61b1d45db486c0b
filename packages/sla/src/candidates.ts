import type { ClusterSpec, NodePool, Zone } from '@aks-hybrid/spec';
import type { DesignOptions } from './components.js';
import { hybridPools, poolFloor, workloadPools } from './pools.js';

/** A single design change to try: the spec (and fleet) it would produce. */
export interface Candidate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly spec: ClusterSpec;
  readonly fleet: readonly ClusterSpec[];
  readonly options: DesignOptions;
}

const ALL_ZONES: readonly Zone[] = ['1', '2', '3'];

/**
 * The changes the report weighs, each applied alone to the current design. Only those that make
 * sense for this spec are returned, in a fixed order (ties for "best" go to the earlier one).
 */
export function candidates(spec: ClusterSpec, fleet: readonly ClusterSpec[], options: DesignOptions): Candidate[] {
  const out: Candidate[] = [];
  const same = (next: ClusterSpec): readonly ClusterSpec[] => fleet.map((c) => (c.name === spec.name ? next : c));

  if (spec.cluster.tier === 'Free') {
    const next = { ...spec, cluster: { ...spec.cluster, tier: 'Standard' as const } };
    out.push({
      id: 'standard-tier',
      title: 'Move the cluster to the Standard tier',
      description: 'Set spec.cluster.tier to Standard: the API server gets a financially backed SLA.',
      spec: next,
      fleet: same(next),
      options,
    });
  }

  if (spec.azure.zones.length < 2) {
    const spread = (p: NodePool): NodePool => ({ ...p, zones: ALL_ZONES, minCount: Math.max(p.minCount, 2) });
    const next: ClusterSpec = {
      ...spec,
      azure: { ...spec.azure, zones: ALL_ZONES },
      cluster: { ...spec.cluster, systemPool: spread(spec.cluster.systemPool), userPools: spec.cluster.userPools.map(spread) },
    };
    out.push({
      id: 'availability-zones',
      title: 'Deploy the cluster across availability zones 1, 2, 3',
      description: 'Set spec.azure.zones to [1, 2, 3] and give every pool at least 2 nodes over those zones.',
      spec: next,
      fleet: same(next),
      options,
    });
  } else {
    const onPaths = new Map([spec.cluster.systemPool, ...workloadPools(spec), ...hybridPools(spec)].map((p) => [p.name, p]));
    const weak = [...onPaths.values()].filter((p) => poolFloor(spec, p).figureKey !== 'multi-zone');
    if (weak.length > 0) {
      const names = new Set(weak.map((p) => p.name));
      const spread = (p: NodePool): NodePool => (names.has(p.name) ? { ...p, zones: spec.azure.zones, minCount: Math.max(p.minCount, 2) } : p);
      const next: ClusterSpec = {
        ...spec,
        cluster: { ...spec.cluster, systemPool: spread(spec.cluster.systemPool), userPools: spec.cluster.userPools.map(spread) },
      };
      out.push({
        id: 'spread-pools',
        title: `Spread pool${weak.length === 1 ? '' : 's'} ${[...names].join(', ')} over zones ${spec.azure.zones.join(', ')}`,
        description: `Give ${[...names].join(', ')} the cluster's zones and at least 2 nodes each.`,
        spec: next,
        fleet: same(next),
        options,
      });
    }
  }

  if (!spec.connectivity.vpn) {
    const next: ClusterSpec = {
      ...spec,
      connectivity: {
        ...spec.connectivity,
        vpn: {
          gatewaySku: 'VpnGw1AZ',
          activeActive: true,
          azureBgpAsn: 65515,
          peer: { name: 'on-premises-vpn-device', deviceIp: '203.0.113.1', bgpAsn: 65010, bgpPeeringAddress: '10.255.255.1' },
          sharedKey: { keyVaultName: 'placeholder', resourceGroup: 'placeholder', subscriptionId: spec.azure.subscriptionId, secretName: 'placeholder' },
        },
      },
    };
    out.push({
      id: 'vpn-failover',
      title: 'Add a site-to-site VPN as failover',
      description: 'Add spec.connectivity.vpn (VpnGw1AZ or larger): on-premises stays reachable when ExpressRoute is down.',
      spec: next,
      fleet: same(next),
      options,
    });
  }

  out.push({
    id: 'second-circuit',
    title: 'Add a second ExpressRoute circuit',
    description: 'A second circuit at another peering location, with its own provider last mile, on the same gateway (the spec cannot express it yet).',
    spec,
    fleet,
    options: { ...options, extraCircuits: options.extraCircuits + 1 },
  });

  if (spec.registry.replicaLocations.length === 0) {
    const next: ClusterSpec = { ...spec, registry: { ...spec.registry, replicaLocations: ['paired-region'] } };
    out.push({
      id: 'geo-replica',
      title: 'Add a registry geo-replica',
      description: 'Add a region to spec.registry.replicaLocations: image pulls survive an outage of the registry region.',
      spec: next,
      fleet: same(next),
      options,
    });
  }

  if (fleet.length === 1) {
    const twin: ClusterSpec = { ...spec, name: `${spec.name}-second-region`, azure: { ...spec.azure, location: 'second-region' } };
    out.push({
      id: 'second-region',
      title: 'Add a second region',
      description: `A copy of this cluster in another region, for the same service. It keeps sharing the ExpressRoute circuit, the registry and the Entra tenant, so those still fail for both. Clients need a global router (e.g. Azure Front Door) that the kit does not deploy; its figure is not counted.`,
      spec,
      fleet: [spec, twin],
      options,
    });
  }
  return out;
}
